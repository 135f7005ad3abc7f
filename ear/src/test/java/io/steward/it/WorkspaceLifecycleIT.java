package io.steward.it;

import static io.steward.it.support.Steward.errorCode;
import static io.steward.it.support.Steward.ok;
import static io.steward.it.support.Steward.tokenFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.steward.it.support.Steward;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A workspace's life through GraphQL, with Keycloak as the source of membership. */
class WorkspaceLifecycleIT {

  private static final String MY_WORKSPACES = "{ workspaces { id name role } }";
  private static final String MEMBERS =
      "query($ws: ID!) { members(workspaceId: $ws) { userId username role } }";
  private static final String ADD =
      "mutation($ws: ID!, $u: String!, $r: WorkspaceRole!) { addMember(workspaceId: $ws, user: $u, role: $r) { userId username role } }";
  private static final String CHANGE =
      "mutation($ws: ID!, $u: ID!, $r: WorkspaceRole!) { changeMemberRole(workspaceId: $ws, userId: $u, role: $r) { role } }";
  private static final String REMOVE =
      "mutation($ws: ID!, $u: ID!) { removeMember(workspaceId: $ws, userId: $u) }";

  @Test
  void should_create_invite_change_role_and_remove_with_tokens_following_keycloak() {
    JsonPath created =
        ok(
            tokenFor("dave"),
            "mutation { createWorkspace(name: \"  Dunn Logistics  \") { id name role } }",
            Map.of());
    String ws = created.getString("data.createWorkspace.id");
    assertEquals("Dunn Logistics", created.getString("data.createWorkspace.name"));
    assertEquals("OWNER", created.getString("data.createWorkspace.role"));

    String dave = tokenFor("dave");
    assertEquals("OWNER", roleInWorkspaces(dave, ws));
    assertFalse(listed(tokenFor("erin"), ws), "erin is not a member yet");

    JsonPath added = ok(dave, ADD, Map.of("ws", ws, "u", "erin@example.com", "r", "MEMBER"));
    String erinId = added.getString("data.addMember.userId");
    assertEquals("erin", added.getString("data.addMember.username"));
    assertEquals(
        "MEMBER", roleInWorkspaces(tokenFor("erin"), ws), "erin's new token lists the workspace");
    assertEquals(
        List.of("dave:OWNER", "erin:MEMBER"),
        ok(dave, MEMBERS, Map.of("ws", ws)).getList("data.members", Map.class).stream()
            .map(m -> m.get("username") + ":" + m.get("role"))
            .sorted()
            .toList());

    assertEquals("CONFLICT", errorCode(dave, ADD, Map.of("ws", ws, "u", "erin", "r", "VIEWER")));

    ok(dave, CHANGE, Map.of("ws", ws, "u", erinId, "r", "ADMIN"));
    assertEquals("ADMIN", roleInWorkspaces(tokenFor("erin"), ws));

    ok(dave, REMOVE, Map.of("ws", ws, "u", erinId));
    assertFalse(listed(tokenFor("erin"), ws), "erin's new token no longer lists the workspace");
    assertEquals("FORBIDDEN", errorCode(tokenFor("erin"), MEMBERS, Map.of("ws", ws)));
  }

  @Test
  void should_keep_the_last_owner() {
    String ws = Steward.newWorkspace("dave", "Last owner");
    String dave = tokenFor("dave");
    String daveId = Steward.userId("dave");

    assertEquals("CONFLICT", errorCode(dave, CHANGE, Map.of("ws", ws, "u", daveId, "r", "ADMIN")));
    assertEquals("CONFLICT", errorCode(dave, REMOVE, Map.of("ws", ws, "u", daveId)));

    ok(dave, ADD, Map.of("ws", ws, "u", "erin", "r", "OWNER"));
    ok(dave, CHANGE, Map.of("ws", ws, "u", daveId, "r", "MEMBER"));
    assertEquals(
        "MEMBER",
        roleInWorkspaces(tokenFor("dave"), ws),
        "with a second owner, dave could step down");
  }

  @Test
  void should_let_only_owners_grant_the_owner_role() {
    String ws = Steward.newWorkspace("dave", "Owner grants");
    ok(tokenFor("dave"), ADD, Map.of("ws", ws, "u", "erin", "r", "ADMIN"));
    String erin = tokenFor("erin");
    assertEquals(
        "FORBIDDEN",
        errorCode(erin, CHANGE, Map.of("ws", ws, "u", Steward.userId("dave"), "r", "MEMBER")));
    assertEquals("FORBIDDEN", errorCode(erin, ADD, Map.of("ws", ws, "u", "bob", "r", "OWNER")));
    ok(erin, ADD, Map.of("ws", ws, "u", "bob", "r", "VIEWER"));
  }

  @Test
  void should_list_every_workspace_for_platform_admins_only() {
    String ws = Steward.newWorkspace("dave", "Admin sees");
    assertTrue(listed(tokenFor("admin"), ws));
    assertFalse(listed(tokenFor("bob"), ws));
    assertEquals(
        ws,
        ok(tokenFor("admin"), "query($id: ID!) { workspace(id: $id) { id } }", Map.of("id", ws))
            .getString("data.workspace.id"));
  }

  private static String roleInWorkspaces(String token, String ws) {
    return ok(token, MY_WORKSPACES, Map.of()).getList("data.workspaces", Map.class).stream()
        .filter(w -> ws.equals(w.get("id")))
        .map(w -> String.valueOf(w.get("role")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("workspace " + ws + " not listed"));
  }

  private static boolean listed(String token, String ws) {
    return ok(token, MY_WORKSPACES, Map.of()).getList("data.workspaces.id").contains(ws);
  }
}
