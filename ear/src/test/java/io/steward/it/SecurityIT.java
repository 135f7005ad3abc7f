package io.steward.it;

import static io.steward.it.support.Steward.ACME;
import static io.steward.it.support.Steward.as;
import static io.steward.it.support.Steward.errorCode;
import static io.steward.it.support.Steward.graphql;
import static io.steward.it.support.Steward.ok;
import static io.steward.it.support.Steward.tokenFor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.steward.it.support.Steward;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Authentication and role checks on a freshly deployed server, on GraphQL and on REST. */
class SecurityIT {

  private static final String ME = "{ me { username } }";
  private static final String ADD_MEMBER =
      "mutation($ws: ID!) { addMember(workspaceId: $ws, user: \"erin\", role: VIEWER) { userId } }";

  @Test
  void should_answer_401_UNAUTHENTICATED_without_a_token() {
    graphql(null, ME, Map.of())
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", startsWith("Bearer"))
        .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
    as(null)
        .get("/api/me")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("code", equalTo("UNAUTHENTICATED"));
  }

  @Test
  void should_answer_403_FORBIDDEN_for_a_token_with_a_forged_payload() {
    String forged =
        withClaims(
            tokenFor("carol"),
            "\"preferred_username\":\"carol\"",
            "\"preferred_username\":\"alice\"");
    graphql(forged, ME, Map.of())
        .then()
        .statusCode(403)
        .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    as(forged).get("/api/me").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
  }

  @Test
  void should_answer_403_FORBIDDEN_for_garbage_and_unsigned_tokens() {
    String unsigned = unsignedCopy(tokenFor("alice"));
    for (String token : new String[] {"not-a-jwt", unsigned}) {
      graphql(token, ME, Map.of()).then().statusCode(403);
      as(token).get("/api/workspaces").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }
  }

  @Test
  void should_refuse_an_admin_mutation_to_a_viewer_and_allow_it_to_the_owner() {
    assertEquals("FORBIDDEN", errorCode(tokenFor("carol"), ADD_MEMBER, Map.of("ws", ACME)));

    String alice = tokenFor("alice");
    String erin = Steward.userId("erin");
    ok(alice, ADD_MEMBER, Map.of("ws", ACME));
    ok(
        alice,
        "mutation($ws: ID!, $u: ID!) { removeMember(workspaceId: $ws, userId: $u) }",
        Map.of("ws", ACME, "u", erin));
  }

  @Test
  void should_refuse_the_admin_rest_endpoint_to_a_viewer_and_serve_it_to_the_owner() {
    as(tokenFor("carol"))
        .get("/api/workspaces/{id}/audit-log", ACME)
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("code", equalTo("FORBIDDEN"));
    as(tokenFor("alice"))
        .get("/api/workspaces/{id}/audit-log", ACME)
        .then()
        .statusCode(200)
        .body("pageInfo.hasNextPage", notNullValue())
        .body("totalCount", notNullValue());
    as(tokenFor("alice"))
        .get("/api/workspaces/{id}", ACME)
        .then()
        .statusCode(200)
        .body("name", equalTo("Acme"))
        .body("role", equalTo("OWNER"));
  }

  @Test
  void should_return_the_request_id_and_keep_a_sane_one_from_the_client() {
    as(tokenFor("bob"))
        .header("X-Request-Id", "it-request-0001")
        .get("/api/me")
        .then()
        .statusCode(200)
        .header("X-Request-Id", "it-request-0001")
        .body("username", equalTo("bob"));
  }

  private static String withClaims(String jwt, String from, String to) {
    String[] parts = jwt.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    if (!payload.contains(from)) {
      throw new AssertionError("token payload lacks " + from);
    }
    String forged =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(payload.replace(from, to).getBytes(StandardCharsets.UTF_8));
    return parts[0] + "." + forged + "." + parts[2];
  }

  private static String unsignedCopy(String jwt) {
    String header =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    return header + "." + jwt.split("\\.")[1] + ".";
  }
}
