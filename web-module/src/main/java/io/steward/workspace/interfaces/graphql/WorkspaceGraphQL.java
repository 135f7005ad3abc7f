package io.steward.workspace.interfaces.graphql;

import io.steward.shared.domain.StewardException;
import io.steward.shared.interfaces.graphql.TranslatesFailures;
import io.steward.tenancy.application.CurrentCaller;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRole;
import io.steward.workspace.application.WorkspaceService;
import io.steward.workspace.domain.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The caller, their workspaces and the members of each. */
@GraphQLApi
@ApplicationScoped
@TranslatesFailures
public class WorkspaceGraphQL {

  @Inject WorkspaceService workspaces;
  @Inject CurrentCaller currentCaller;

  @Query
  @Description("The signed-in person and the workspaces their token grants")
  public @NonNull MeView me() {
    return MeView.of(currentCaller.get());
  }

  @Query
  @Description("Workspaces the caller belongs to; platform admins see every workspace")
  public @NonNull List<@NonNull WorkspaceView> workspaces() {
    return workspaces.workspaces().stream().map(this::view).toList();
  }

  @Query
  @Description(
      "One workspace the caller belongs to (FORBIDDEN otherwise, whether it exists or not)")
  public @NonNull WorkspaceView workspace(@NonNull @Id @Name("id") String id)
      throws StewardException {
    return view(workspaces.workspace(WorkspaceId.parse("id", id)));
  }

  @Query
  @Description("Members of a workspace with their roles, as kept in the identity provider")
  public @NonNull List<@NonNull MemberView> members(
      @NonNull @Id @Name("workspaceId") String workspaceId) throws StewardException {
    return workspaces.members(WorkspaceId.parse("workspaceId", workspaceId)).stream()
        .map(MemberView::of)
        .toList();
  }

  @Mutation
  @Description(
      "Founds a workspace with the caller as owner. Refresh the access token afterwards: the new"
          + " membership is in tokens issued from now on")
  public @NonNull WorkspaceView createWorkspace(
      @NonNull @Name("name") String name,
      @Name("timeZone") @Description("IANA time zone id such as Europe/Berlin; UTC when absent")
          String timeZone)
      throws StewardException {
    return WorkspaceView.of(workspaces.create(name, timeZone), WorkspaceRole.OWNER);
  }

  @Mutation
  @Description(
      "Moves a workspace to another time zone, which decides what \"due today\" means (admins"
          + " and owners)")
  public @NonNull WorkspaceView changeWorkspaceTimeZone(
      @NonNull @Id @Name("workspaceId") String workspaceId,
      @NonNull @Name("timeZone") @Description("IANA time zone id such as Europe/Berlin")
          String timeZone)
      throws StewardException {
    return view(workspaces.changeTimeZone(WorkspaceId.parse("workspaceId", workspaceId), timeZone));
  }

  @Mutation
  @Description(
      "Adds an existing user, found by username or email, with a role (admins and owners; only"
          + " owners grant owner)")
  public @NonNull MemberView addMember(
      @NonNull @Id @Name("workspaceId") String workspaceId,
      @NonNull @Name("user") @Description("Username or email address") String user,
      @NonNull @Name("role") Role role)
      throws StewardException {
    return MemberView.of(
        workspaces.addMember(WorkspaceId.parse("workspaceId", workspaceId), user, role.toDomain()));
  }

  @Mutation
  @Description("Changes a member's role; a workspace always keeps at least one owner")
  public @NonNull MemberView changeMemberRole(
      @NonNull @Id @Name("workspaceId") String workspaceId,
      @NonNull @Id @Name("userId") String userId,
      @NonNull @Name("role") Role role)
      throws StewardException {
    return MemberView.of(
        workspaces.changeMemberRole(
            WorkspaceId.parse("workspaceId", workspaceId), userId, role.toDomain()));
  }

  @Mutation
  @Description(
      "Removes a member (admins and owners; anyone may remove themselves); the last owner stays")
  public boolean removeMember(
      @NonNull @Id @Name("workspaceId") String workspaceId,
      @NonNull @Id @Name("userId") String userId)
      throws StewardException {
    workspaces.removeMember(WorkspaceId.parse("workspaceId", workspaceId), userId);
    return true;
  }

  private WorkspaceView view(Workspace workspace) {
    return WorkspaceView.of(workspace, currentCaller.get());
  }
}
