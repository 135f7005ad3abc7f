package io.steward.workspace.application.internal;

import io.steward.audit.application.AuditLog;
import io.steward.event.application.DomainEvents;
import io.steward.shared.domain.AccessDeniedException;
import io.steward.shared.domain.StewardException;
import io.steward.shared.domain.Text;
import io.steward.tenancy.application.Caller;
import io.steward.tenancy.application.CurrentCaller;
import io.steward.tenancy.application.WorkspaceAccess;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRole;
import io.steward.workspace.application.WorkspaceService;
import io.steward.workspace.domain.AlreadyAMemberException;
import io.steward.workspace.domain.DirectoryUser;
import io.steward.workspace.domain.LastOwnerException;
import io.steward.workspace.domain.Member;
import io.steward.workspace.domain.MembershipDirectory;
import io.steward.workspace.domain.NotAMemberException;
import io.steward.workspace.domain.UnknownUserException;
import io.steward.workspace.domain.UnknownWorkspaceException;
import io.steward.workspace.domain.Workspace;
import io.steward.workspace.domain.WorkspaceRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Workspace use cases. The directory write and the database write share one transaction: a failed
 * directory call throws and rolls the database back, and a database rollback undoes the directory
 * writes (see {@link MembershipDirectory}).
 */
@Stateless
public class DefaultWorkspaceService implements WorkspaceService {

  private static final int USER_REFERENCE_MAX_LENGTH = 255;

  @Inject WorkspaceRepository workspaces;
  @Inject MembershipDirectory directory;
  @Inject WorkspaceAccess access;
  @Inject CurrentCaller currentCaller;
  @Inject AuditLog audit;
  @Inject DomainEvents events;

  @Override
  public List<Workspace> workspaces() {
    Caller caller = currentCaller.get();
    return caller.platformAdmin()
        ? workspaces.findAll()
        : workspaces.findAll(caller.memberships().keySet());
  }

  @Override
  public Workspace workspace(WorkspaceId id) throws StewardException {
    if (!currentCaller.get().platformAdmin()) {
      access.require(id, WorkspaceRole.VIEWER);
    }
    return workspaces.find(id).orElseThrow(() -> new UnknownWorkspaceException(id));
  }

  @Override
  public Workspace create(String name, String timeZone) throws StewardException {
    Caller caller = currentCaller.get();
    Workspace workspace =
        Workspace.found(
            WorkspaceId.generate(), name, caller.userId(), Instant.now(Clock.systemUTC()));
    if (timeZone != null) {
      workspace.moveToTimeZone(timeZone);
    }
    workspaces.add(workspace);
    directory.createWorkspace(workspace.id(), workspace.name());
    directory.assignRole(workspace.id(), caller.userId(), WorkspaceRole.OWNER);
    audit.record(
        workspace.id(),
        "workspace.created",
        "workspace",
        workspace.id().toString(),
        null,
        Map.of(
            "name", workspace.name(),
            "owner", caller.username(),
            "timeZone", workspace.timeZone().getId()));
    return workspace;
  }

  @Override
  public Workspace changeTimeZone(WorkspaceId id, String timeZone) throws StewardException {
    access.require(id, WorkspaceRole.ADMIN);
    Workspace workspace = workspaces.find(id).orElseThrow(() -> new UnknownWorkspaceException(id));
    String before = workspace.timeZone().getId();
    workspace.moveToTimeZone(timeZone);
    audit.record(
        id,
        "workspace.time_zone_changed",
        "workspace",
        id.toString(),
        Map.of("timeZone", before),
        Map.of("timeZone", workspace.timeZone().getId()));
    return workspace;
  }

  @Override
  public List<Member> members(WorkspaceId workspace) throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    return directory.members(workspace);
  }

  @Override
  public Member addMember(WorkspaceId workspace, String usernameOrEmail, WorkspaceRole role)
      throws StewardException {
    WorkspaceRole actorRole = access.require(workspace, WorkspaceRole.ADMIN);
    requireOwnerToGrant(actorRole, role);
    String reference = Text.requireSingleLine("user", usernameOrEmail, USER_REFERENCE_MAX_LENGTH);
    DirectoryUser user =
        directory.findUser(reference).orElseThrow(() -> new UnknownUserException(reference));
    if (directory.roleOf(workspace, user.id()).isPresent()) {
      throw new AlreadyAMemberException(user.username());
    }
    directory.assignRole(workspace, user.id(), role);
    Member added = new Member(user, role);
    audit.record(workspace, "member.added", "member", user.id(), null, added);
    events.publish(workspace, "memberWasAdded", "member", user.id(), added, WorkspaceRole.ADMIN);
    return added;
  }

  @Override
  public Member changeMemberRole(WorkspaceId workspace, String userId, WorkspaceRole role)
      throws StewardException {
    WorkspaceRole actorRole = access.require(workspace, WorkspaceRole.ADMIN);
    List<Member> members = directory.members(workspace);
    Member before = memberOf(members, userId);
    requireOwnerToGrant(actorRole, before.role());
    requireOwnerToGrant(actorRole, role);
    if (before.role() == WorkspaceRole.OWNER && role != WorkspaceRole.OWNER) {
      requireAnotherOwner(members);
    }
    directory.assignRole(workspace, before.user().id(), role);
    Member after = before.withRole(role);
    audit.record(workspace, "member.role_changed", "member", userId, before, after);
    events.publish(workspace, "memberRoleWasChanged", "member", userId, after, WorkspaceRole.ADMIN);
    return after;
  }

  @Override
  public void removeMember(WorkspaceId workspace, String userId) throws StewardException {
    boolean leaving = currentCaller.get().userId().equals(userId);
    WorkspaceRole actorRole =
        access.require(workspace, leaving ? WorkspaceRole.VIEWER : WorkspaceRole.ADMIN);
    List<Member> members = directory.members(workspace);
    Member removed = memberOf(members, userId);
    requireOwnerToGrant(actorRole, removed.role());
    if (removed.role() == WorkspaceRole.OWNER) {
      requireAnotherOwner(members);
    }
    directory.removeMember(workspace, removed.user().id());
    audit.record(workspace, "member.removed", "member", userId, removed, null);
    events.publish(workspace, "memberWasRemoved", "member", userId, removed, WorkspaceRole.ADMIN);
  }

  private static Member memberOf(List<Member> members, String userId) throws StewardException {
    String id = Text.requireSingleLine("userId", userId, USER_REFERENCE_MAX_LENGTH);
    return members.stream()
        .filter(m -> m.user().id().equals(id))
        .findFirst()
        .orElseThrow(() -> new NotAMemberException(id));
  }

  /** Only owners may make someone an owner or change or remove an owner. */
  private static void requireOwnerToGrant(WorkspaceRole actorRole, WorkspaceRole role)
      throws AccessDeniedException {
    if (role == WorkspaceRole.OWNER && actorRole != WorkspaceRole.OWNER) {
      throw new AccessDeniedException("Only owners can grant, change or remove the owner role");
    }
  }

  private static void requireAnotherOwner(List<Member> members) throws LastOwnerException {
    if (members.stream().filter(m -> m.role() == WorkspaceRole.OWNER).count() < 2) {
      throw new LastOwnerException();
    }
  }
}
