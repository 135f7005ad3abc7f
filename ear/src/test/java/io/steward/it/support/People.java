package io.steward.it.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * People made for one test in the test realm, through the test environment's Keycloak administrator
 * (see it-env.sh), for tests that use up what belongs to a person — their rate limits — without
 * touching the demo users other tests share. They sign in with the demo password.
 */
public final class People {

  private People() {}

  /** A token of the test environment's Keycloak administrator (master realm). */
  public static String adminToken() {
    return given()
        .baseUri(Steward.KEYCLOAK_URL)
        .formParam("grant_type", "password")
        .formParam("client_id", "admin-cli")
        .formParam("username", System.getProperty("steward.it.keycloak.admin", "it-admin"))
        .formParam("password", System.getProperty("steward.it.keycloak.admin-password", "it-admin"))
        .post("/realms/master/protocol/openid-connect/token")
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }

  /** A new person of the steward realm with no workspace; answers the username. */
  public static String create(String prefix) {
    String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .baseUri(Steward.KEYCLOAK_URL)
        .auth()
        .oauth2(adminToken())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "username",
                username,
                "email",
                username + "@example.com",
                "emailVerified",
                true,
                "firstName",
                prefix,
                "lastName",
                "Tester",
                "enabled",
                true,
                "credentials",
                List.of(
                    Map.of(
                        "type", "password", "value", Steward.DEMO_PASSWORD, "temporary", false))))
        .post("/admin/realms/steward/users")
        .then()
        .statusCode(201);
    return username;
  }

  /** Adds {@code username} to the workspace as a member, through its owner. */
  public static void addMember(String owner, String workspace, String username) {
    Steward.ok(
        Steward.tokenFor(owner),
        "mutation($ws: ID!, $u: String!) {"
            + " addMember(workspaceId: $ws, user: $u, role: MEMBER) { userId } }",
        Map.of("ws", workspace, "u", username));
  }
}
