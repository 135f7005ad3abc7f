package io.steward.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.steward.it.support.People;
import io.steward.it.support.Steward;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A real Keycloak token that expired is refused with 403. The test environment's Keycloak has a
 * bootstrap administrator (only there), through whom this test adds a client whose tokens live a
 * few seconds.
 */
class ExpiredTokenIT {

  private static final int LIFESPAN_SECONDS = 3;

  @Test
  void should_answer_403_once_a_token_has_expired() throws InterruptedException {
    String clientId = shortLivedClient();
    String token =
        given()
            .baseUri(Steward.KEYCLOAK_URL)
            .formParam("grant_type", "password")
            .formParam("client_id", clientId)
            .formParam("username", "bob")
            .formParam("password", Steward.DEMO_PASSWORD)
            .post("/realms/steward/protocol/openid-connect/token")
            .then()
            .statusCode(200)
            .extract()
            .path("access_token");

    Steward.as(token).get("/api/me").then().statusCode(200).body("username", equalTo("bob"));

    Thread.sleep((LIFESPAN_SECONDS + 2) * 1000L);

    Steward.as(token).get("/api/me").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    Steward.graphql(token, "{ me { id } }", Map.of())
        .then()
        .statusCode(403)
        .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
  }

  private static String shortLivedClient() {
    String admin = People.adminToken();
    String clientId = "it-short-lived-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> audience =
        Map.of(
            "name", "audience",
            "protocol", "openid-connect",
            "protocolMapper", "oidc-audience-mapper",
            "config", Map.of("included.custom.audience", "steward", "access.token.claim", "true"));
    given()
        .baseUri(Steward.KEYCLOAK_URL)
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "clientId",
                clientId,
                "publicClient",
                true,
                "directAccessGrantsEnabled",
                true,
                "standardFlowEnabled",
                false,
                "attributes",
                Map.of("access.token.lifespan", String.valueOf(LIFESPAN_SECONDS)),
                "protocolMappers",
                List.of(audience)))
        .post("/admin/realms/steward/clients")
        .then()
        .statusCode(201);
    return clientId;
  }
}
