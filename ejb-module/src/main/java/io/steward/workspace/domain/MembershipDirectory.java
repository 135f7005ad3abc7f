package io.steward.workspace.domain;

import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRole;
import java.util.List;
import java.util.Optional;

/**
 * Where workspace membership and roles are kept: the identity provider, so that access tokens carry
 * them and enterprises can manage them with their own directory tooling. Writes made inside a
 * transaction are undone when that transaction rolls back.
 */
public interface MembershipDirectory {

  /** Creates the workspace's groups, one per role. */
  void createWorkspace(WorkspaceId workspace, String name);

  List<Member> members(WorkspaceId workspace);

  /** The user's role in the workspace, if they are a member. */
  Optional<WorkspaceRole> roleOf(WorkspaceId workspace, String userId);

  /** The member with this user id, if the user exists and belongs to the workspace. */
  Optional<Member> member(WorkspaceId workspace, String userId);

  /** A user by exact username or email address. */
  Optional<DirectoryUser> findUser(String usernameOrEmail);

  /** Makes the user a member with exactly this role (replacing any other role they had). */
  void assignRole(WorkspaceId workspace, String userId, WorkspaceRole role);

  void removeMember(WorkspaceId workspace, String userId);

  /** True when the directory answers; used by readiness. */
  boolean isReachable();
}
