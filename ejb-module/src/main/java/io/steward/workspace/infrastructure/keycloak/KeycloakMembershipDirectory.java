package io.steward.workspace.infrastructure.keycloak;

import static io.steward.workspace.infrastructure.keycloak.KeycloakAdminClient.encode;

import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRole;
import io.steward.workspace.domain.DirectoryUser;
import io.steward.workspace.domain.Member;
import io.steward.workspace.domain.MembershipDirectory;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Workspace membership as Keycloak groups {@code /workspaces/<workspace-id>/<role>}; the realm's
 * group-membership mapper puts these paths into access tokens. Each write first registers how to
 * undo it, so that a rolled-back transaction leaves Keycloak as it was.
 */
@ApplicationScoped
public class KeycloakMembershipDirectory implements MembershipDirectory {

  static final String ROOT_GROUP = "workspaces";
  private static final int PAGE = 500;

  @Inject KeycloakAdminClient keycloak;

  @Resource TransactionSynchronizationRegistry transactions;

  @Override
  public void createWorkspace(WorkspaceId workspace, String name) {
    onRollback(() -> workspaceGroupId(workspace).ifPresent(id -> keycloak.delete("/groups/" + id)));
    String rootId = rootGroupId();
    JsonObject group =
        Json.createObjectBuilder()
            .add("name", workspace.toString())
            .add(
                "attributes",
                Json.createObjectBuilder().add("name", Json.createArrayBuilder().add(name)))
            .build();
    String workspaceGroupId = keycloak.create("/groups/" + rootId + "/children", group);
    for (WorkspaceRole role : WorkspaceRole.values()) {
      keycloak.create(
          "/groups/" + workspaceGroupId + "/children",
          Json.createObjectBuilder().add("name", role.groupName()).build());
    }
  }

  @Override
  public List<Member> members(WorkspaceId workspace) {
    List<Member> members = new ArrayList<>();
    for (WorkspaceRole role : WorkspaceRole.values()) {
      String groupId = roleGroupId(workspace, role);
      for (int first = 0; ; first += PAGE) {
        JsonArray page =
            keycloak
                .get(
                    "/groups/"
                        + groupId
                        + "/members?briefRepresentation=true&first="
                        + first
                        + "&max="
                        + PAGE)
                .asJsonArray();
        page.getValuesAs(JsonObject.class).forEach(u -> members.add(new Member(toUser(u), role)));
        if (page.size() < PAGE) {
          break;
        }
      }
    }
    return members;
  }

  @Override
  public Optional<Member> member(WorkspaceId workspace, String userId) {
    return keycloak
        .find("/users/" + encode(userId))
        .map(json -> toUser(json.asJsonObject()))
        .flatMap(user -> roleOf(workspace, user.id()).map(role -> new Member(user, role)));
  }

  @Override
  public Optional<DirectoryUser> findUser(String usernameOrEmail) {
    String attribute = usernameOrEmail.contains("@") ? "email" : "username";
    JsonArray users =
        keycloak
            .get(
                "/users?exact=true&briefRepresentation=true&"
                    + attribute
                    + "="
                    + encode(usernameOrEmail))
            .asJsonArray();
    return users.getValuesAs(JsonObject.class).stream()
        .findFirst()
        .map(KeycloakMembershipDirectory::toUser);
  }

  @Override
  public void assignRole(WorkspaceId workspace, String userId, WorkspaceRole role) {
    Optional<WorkspaceRole> previous = roleOf(workspace, userId);
    if (previous.equals(Optional.of(role))) {
      return;
    }
    onRollback(() -> restore(workspace, userId, previous));
    if (previous.isPresent()) {
      keycloak.delete(userGroupPath(userId, roleGroupId(workspace, previous.get())));
    }
    keycloak.put(userGroupPath(userId, roleGroupId(workspace, role)));
  }

  @Override
  public void removeMember(WorkspaceId workspace, String userId) {
    Optional<WorkspaceRole> previous = roleOf(workspace, userId);
    if (previous.isEmpty()) {
      return;
    }
    onRollback(() -> restore(workspace, userId, previous));
    keycloak.delete(userGroupPath(userId, roleGroupId(workspace, previous.get())));
  }

  @Override
  public boolean isReachable() {
    return keycloak.isReachable();
  }

  private void restore(WorkspaceId workspace, String userId, Optional<WorkspaceRole> role) {
    for (WorkspaceRole other : WorkspaceRole.values()) {
      if (role.isEmpty() || role.get() != other) {
        keycloak.delete(userGroupPath(userId, roleGroupId(workspace, other)));
      }
    }
    role.ifPresent(r -> keycloak.put(userGroupPath(userId, roleGroupId(workspace, r))));
  }

  @Override
  public Optional<WorkspaceRole> roleOf(WorkspaceId workspace, String userId) {
    String prefix = "/" + ROOT_GROUP + "/" + workspace + "/";
    JsonArray groups =
        keycloak
            .get("/users/" + encode(userId) + "/groups?briefRepresentation=true&max=1000")
            .asJsonArray();
    return groups.getValuesAs(JsonObject.class).stream()
        .map(g -> g.getString("path", ""))
        .filter(path -> path.startsWith(prefix))
        .map(path -> WorkspaceRole.fromGroupName(path.substring(prefix.length())))
        .flatMap(Optional::stream)
        .min(Enum::compareTo);
  }

  private String rootGroupId() {
    return groupIdByPath("/" + ROOT_GROUP)
        .orElseGet(
            () ->
                keycloak.create(
                    "/groups", Json.createObjectBuilder().add("name", ROOT_GROUP).build()));
  }

  private Optional<String> workspaceGroupId(WorkspaceId workspace) {
    return groupIdByPath("/" + ROOT_GROUP + "/" + workspace);
  }

  private String roleGroupId(WorkspaceId workspace, WorkspaceRole role) {
    String path = "/" + ROOT_GROUP + "/" + workspace + "/" + role.groupName();
    return groupIdByPath(path)
        .orElseThrow(() -> new DirectoryFailure("Keycloak has no group " + path));
  }

  private Optional<String> groupIdByPath(String path) {
    return keycloak.find("/group-by-path" + path).map(json -> json.asJsonObject().getString("id"));
  }

  private static String userGroupPath(String userId, String groupId) {
    return "/users/" + encode(userId) + "/groups/" + groupId;
  }

  private static DirectoryUser toUser(JsonObject user) {
    String first = user.getString("firstName", "");
    String last = user.getString("lastName", "");
    String name = (first + " " + last).strip();
    String username = user.getString("username", "");
    return new DirectoryUser(
        user.getString("id"),
        username,
        user.getString("email", null),
        name.isEmpty() ? username : name);
  }

  /** Runs {@code undo} if the current transaction rolls back; undo steps run newest first. */
  private void onRollback(Runnable undo) {
    if (transactions.getTransactionKey() == null) {
      return;
    }
    Compensations compensations = (Compensations) transactions.getResource(Compensations.class);
    if (compensations == null) {
      compensations = new Compensations();
      transactions.putResource(Compensations.class, compensations);
      transactions.registerInterposedSynchronization(compensations);
    }
    compensations.add(undo);
  }
}
