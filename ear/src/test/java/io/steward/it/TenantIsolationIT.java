package io.steward.it;

import static io.steward.it.Steward.as;
import static io.steward.it.Steward.errorCode;
import static io.steward.it.Steward.ok;
import static io.steward.it.Steward.tokenFor;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A member of workspace A can do nothing in workspace B. Every GraphQL operation that takes a
 * workspace is listed here; the schema is read by introspection, so a new workspace-scoped
 * operation fails this test until it is added to {@link #OPERATIONS}. The answer is always
 * FORBIDDEN, the same for an existing workspace of another tenant as for an id that does not exist.
 */
class TenantIsolationIT {

  /** Operation name → a document using {@code $ws} for the target workspace. */
  static final Map<String, String> OPERATIONS =
      Map.of(
          "workspace", "query($ws: ID!) { workspace(id: $ws) { id } }",
          "members", "query($ws: ID!) { members(workspaceId: $ws) { userId } }",
          "auditLog", "query($ws: ID!) { auditLog(workspaceId: $ws) { totalCount } }",
          "addMember",
              "mutation($ws: ID!) { addMember(workspaceId: $ws, user: \"bob\", role: OWNER) { userId } }",
          "changeMemberRole",
              "mutation($ws: ID!, $u: ID!) { changeMemberRole(workspaceId: $ws, userId: $u, role: VIEWER) { userId } }",
          "removeMember",
              "mutation($ws: ID!, $u: ID!) { removeMember(workspaceId: $ws, userId: $u) }");

  /** REST paths under a workspace. */
  static final List<String> REST_PATHS =
      List.of("/api/workspaces/{ws}", "/api/workspaces/{ws}/audit-log");

  private static String otherTenant;
  private static String daveId;

  @BeforeAll
  static void anotherTenant() {
    otherTenant = Steward.newWorkspace("dave", "Other tenant");
    daveId = Steward.userId("dave");
  }

  @Test
  void should_cover_every_workspace_scoped_operation_of_the_schema() {
    Set<String> scoped = new TreeSet<>();
    for (String root : List.of("Query", "Mutation")) {
      List<Map<String, Object>> fields =
          ok(
                  tokenFor("bob"),
                  "query($t: String!) { __type(name: $t) { fields { name args { name } } } }",
                  Map.of("t", root))
              .getList("data.__type.fields");
      for (Map<String, Object> field : fields) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> args = (List<Map<String, Object>>) field.get("args");
        boolean takesWorkspace =
            args.stream().anyMatch(a -> "workspaceId".equals(a.get("name")))
                || "workspace".equals(field.get("name"));
        if (takesWorkspace) {
          scoped.add((String) field.get("name"));
        }
      }
    }
    assertEquals(
        new TreeSet<>(OPERATIONS.keySet()),
        scoped,
        "every workspace-scoped operation must be listed in TenantIsolationIT.OPERATIONS");
  }

  @Test
  void should_refuse_every_operation_on_another_tenants_workspace() {
    assertRefusedEverywhere(otherTenant);
  }

  @Test
  void should_refuse_an_unknown_workspace_with_the_same_answer() {
    assertRefusedEverywhere(UUID.randomUUID().toString());
  }

  private static void assertRefusedEverywhere(String ws) {
    String bob = tokenFor("bob");
    Map<String, Object> variables = Map.of("ws", ws, "u", daveId);
    assertAll(
        OPERATIONS.entrySet().stream()
            .map(
                op ->
                    () ->
                        assertEquals(
                            "FORBIDDEN", errorCode(bob, op.getValue(), variables), op.getKey())));
    for (String path : REST_PATHS) {
      as(bob).get(path, ws).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }
    assertEquals(
        List.of(),
        ok(bob, "{ workspaces { id } }", Map.of()).getList("data.workspaces.id").stream()
            .filter(ws::equals)
            .collect(Collectors.toList()));
  }
}
