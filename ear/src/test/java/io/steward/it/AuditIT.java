package io.steward.it;

import static io.steward.it.support.Steward.errorCode;
import static io.steward.it.support.Steward.ok;
import static io.steward.it.support.Steward.tokenFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.steward.it.support.Steward;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every membership change leaves an audit entry that admins can page through and members cannot.
 */
class AuditIT {

  private static final String AUDIT =
      "query($ws: ID!, $first: Int, $after: String) { auditLog(workspaceId: $ws, first: $first, after: $after) {"
          + " totalCount pageInfo { hasNextPage endCursor }"
          + " edges { cursor node { action targetType targetId actorName before after occurredAt requestId } } } }";

  @Test
  void should_record_each_change_with_actor_before_after_and_request_id() {
    String ws = Steward.newWorkspace("dave", "Audited");
    String dave = tokenFor("dave");
    String erinId = Steward.userId("erin");

    String requestId =
        Steward.as(dave)
            .header("X-Request-Id", "audit-it-" + ws.substring(0, 8))
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "query",
                    "mutation($ws: ID!) { addMember(workspaceId: $ws, user: \"erin\", role: MEMBER) { userId } }",
                    "variables",
                    Map.of("ws", ws)))
            .post("/graphql")
            .then()
            .statusCode(200)
            .extract()
            .header("X-Request-Id");
    ok(
        dave,
        "mutation($ws: ID!, $u: ID!) { changeMemberRole(workspaceId: $ws, userId: $u, role: ADMIN) { role } }",
        Map.of("ws", ws, "u", erinId));
    ok(
        dave,
        "mutation($ws: ID!, $u: ID!) { removeMember(workspaceId: $ws, userId: $u) }",
        Map.of("ws", ws, "u", erinId));

    JsonPath log = ok(dave, AUDIT, Map.of("ws", ws, "first", 10));
    List<String> actions = log.getList("data.auditLog.edges.node.action");
    assertEquals(
        List.of("member.removed", "member.role_changed", "member.added", "workspace.created"),
        actions);
    assertEquals(4, log.getInt("data.auditLog.totalCount"));
    assertEquals("dave", log.getString("data.auditLog.edges[0].node.actorName"));

    Map<String, Object> roleChange = log.getMap("data.auditLog.edges[1].node");
    assertEquals(erinId, roleChange.get("targetId"));
    assertTrue(
        ((String) roleChange.get("before")).contains("\"MEMBER\""), "before has the old role");
    assertTrue(((String) roleChange.get("after")).contains("\"ADMIN\""), "after has the new role");
    assertEquals(requestId, log.getString("data.auditLog.edges[2].node.requestId"));
    assertNotNull(log.getString("data.auditLog.edges[3].node.occurredAt"));
  }

  @Test
  void should_page_with_cursors() {
    String ws = Steward.newWorkspace("dave", "Paged");
    String dave = tokenFor("dave");
    ok(
        dave,
        "mutation($ws: ID!) { addMember(workspaceId: $ws, user: \"erin\", role: VIEWER) { userId } }",
        Map.of("ws", ws));

    JsonPath first = ok(dave, AUDIT, Map.of("ws", ws, "first", 1));
    assertTrue(first.getBoolean("data.auditLog.pageInfo.hasNextPage"));
    assertEquals("member.added", first.getString("data.auditLog.edges[0].node.action"));

    JsonPath second =
        ok(
            dave,
            AUDIT,
            Map.of(
                "ws",
                ws,
                "first",
                1,
                "after",
                first.getString("data.auditLog.pageInfo.endCursor")));
    assertFalse(second.getBoolean("data.auditLog.pageInfo.hasNextPage"));
    assertEquals("workspace.created", second.getString("data.auditLog.edges[0].node.action"));
  }

  @Test
  void should_hide_the_audit_log_from_members_and_viewers() {
    String ws = Steward.newWorkspace("dave", "Private audit");
    ok(
        tokenFor("dave"),
        "mutation($ws: ID!) { addMember(workspaceId: $ws, user: \"erin\", role: MEMBER) { userId } }",
        Map.of("ws", ws));
    assertEquals("FORBIDDEN", errorCode(tokenFor("erin"), AUDIT, Map.of("ws", ws)));
    assertEquals("FORBIDDEN", errorCode(tokenFor("bob"), AUDIT, Map.of("ws", Steward.ACME)));
    assertEquals("FORBIDDEN", errorCode(tokenFor("carol"), AUDIT, Map.of("ws", Steward.ACME)));
  }
}
