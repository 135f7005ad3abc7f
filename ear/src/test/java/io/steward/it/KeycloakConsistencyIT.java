package io.steward.it;

import static io.restassured.RestAssured.given;
import static io.steward.it.support.Steward.errorCode;
import static io.steward.it.support.Steward.ok;
import static io.steward.it.support.Steward.tokenFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.steward.it.support.Steward;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Keycloak and the database change together or not at all: when Keycloak refuses a membership write
 * the database keeps nothing, and when the database fails after Keycloak was written the Keycloak
 * writes are undone.
 */
// Breaks the database for a while, which no other test may see.
@Isolated
class KeycloakConsistencyIT {

  @Test
  void should_undo_the_keycloak_writes_when_the_database_fails_after_them() throws Exception {
    List<String> before = memberships("dave");

    // The workspace record is written at commit and the first SQL statement is the audit entry,
    // which comes after the Keycloak groups were created and dave made their owner.
    Steward.itEnv("break-db");
    try {
      assertEquals(
          "INTERNAL",
          errorCode(
              tokenFor("dave"),
              "mutation { createWorkspace(name: \"Never stored\") { id } }",
              Map.of()));
    } finally {
      Steward.itEnv("restore-db");
    }

    assertEquals(before, memberships("dave"), "Keycloak holds no group of the failed workspace");
  }

  private static List<String> memberships(String user) {
    return ok(tokenFor(user), "{ me { memberships { workspaceId } } }", Map.of())
        .getList("data.me.memberships.workspaceId", String.class)
        .stream()
        .sorted()
        .toList();
  }

  @Test
  void should_roll_back_the_database_when_the_keycloak_write_fails() throws Exception {
    String ws = Steward.newWorkspace("dave", "Consistency");
    String dave = tokenFor("dave"); // still names the workspace after its group is gone
    deleteWorkspaceGroupInKeycloak(ws);

    assertEquals(
        "INTERNAL",
        errorCode(
            dave,
            "mutation($ws: ID!) { addMember(workspaceId: $ws, user: \"erin\", role: MEMBER) { userId } }",
            Map.of("ws", ws)));

    List<String> actions =
        ok(
                dave,
                "query($ws: ID!) { auditLog(workspaceId: $ws) { edges { node { action } } } }",
                Map.of("ws", ws))
            .getList("data.auditLog.edges.node.action");
    assertEquals(List.of("workspace.created"), actions, "no audit entry for the failed change");
  }

  /** Acts as the app's own service account, whose secret the environment keeps in the data dir. */
  private static void deleteWorkspaceGroupInKeycloak(String ws) throws Exception {
    String secret =
        Files.readString(
                Path.of(System.getenv("STEWARD_DATA"), "secrets", "keycloak-client-secret"))
            .strip();
    String token =
        given()
            .baseUri(Steward.KEYCLOAK_URL)
            .formParam("grant_type", "client_credentials")
            .formParam("client_id", "steward-app")
            .formParam("client_secret", secret)
            .post("/realms/steward/protocol/openid-connect/token")
            .then()
            .statusCode(200)
            .extract()
            .path("access_token");
    String groupId =
        given()
            .baseUri(Steward.KEYCLOAK_URL)
            .auth()
            .oauth2(token)
            .get("/admin/realms/steward/group-by-path/workspaces/" + ws)
            .then()
            .statusCode(200)
            .extract()
            .path("id");
    given()
        .baseUri(Steward.KEYCLOAK_URL)
        .auth()
        .oauth2(token)
        .delete("/admin/realms/steward/groups/" + groupId)
        .then()
        .statusCode(204);
  }
}
