package io.steward.it.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The running Steward of this build: real Keycloak tokens and GraphQL/REST requests against it. */
public final class Steward {

  public static final String URL = System.getProperty("steward.url", "http://localhost:9080");
  public static final String KEYCLOAK_URL =
      System.getProperty("steward.keycloak.url", "http://localhost:9180");
  public static final String ACME = "a0000000-0000-4000-8000-000000000001";
  public static final String DEMO_PASSWORD = "steward";

  private Steward() {}

  /** A fresh access token for a demo user (password grant through the steward-cli client). */
  public static String tokenFor(String username) {
    return given()
        .baseUri(KEYCLOAK_URL)
        .formParam("grant_type", "password")
        .formParam("client_id", "steward-cli")
        .formParam("username", username)
        .formParam("password", DEMO_PASSWORD)
        .post("/realms/steward/protocol/openid-connect/token")
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }

  public static RequestSpecification as(String token) {
    RequestSpecification request = given().baseUri(URL);
    return token == null ? request : request.auth().oauth2(token);
  }

  /** POSTs a GraphQL document; returns the raw response whatever its status. */
  public static Response graphql(String token, String document, Map<String, Object> variables) {
    return as(token)
        .contentType(ContentType.JSON)
        .body(Map.of("query", document, "variables", variables))
        .post("/graphql");
  }

  /** Runs a GraphQL document that must succeed, returning its JSON. */
  public static JsonPath ok(String token, String document, Map<String, Object> variables) {
    Response response = graphql(token, document, variables);
    JsonPath json = response.then().statusCode(200).extract().jsonPath();
    if (json.get("errors") != null) {
      throw new AssertionError("GraphQL errors: " + response.asString());
    }
    return json;
  }

  /** Runs a GraphQL document that must fail; returns the code of its first error. */
  public static String errorCode(String token, String document, Map<String, Object> variables) {
    Response response = graphql(token, document, variables);
    JsonPath json = response.jsonPath();
    if (json.get("errors") == null) {
      throw new AssertionError("expected an error, got " + response.asString());
    }
    return json.getString("errors[0].extensions.code");
  }

  /** A workspace founded by {@code owner} for one test, with a unique name. */
  public static String newWorkspace(String owner, String namePrefix) {
    return ok(
            tokenFor(owner),
            "mutation($name: String!) { createWorkspace(name: $name) { id } }",
            Map.of("name", namePrefix + " " + UUID.randomUUID().toString().substring(0, 8)))
        .getString("data.createWorkspace.id");
  }

  public static String userId(String username) {
    return ok(tokenFor(username), "{ me { id } }", Map.of()).getString("data.me.id");
  }

  /**
   * Runs a command of the test environment script (ear/src/test/scripts/it-env.sh), e.g. {@code
   * itEnv("hold-approvals", "applying")}.
   */
  public static void itEnv(String... command) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>(List.of("bash", System.getProperty("steward.it.env")));
    line.addAll(List.of(command));
    Process process = new ProcessBuilder(line).inheritIO().start();
    if (process.waitFor() != 0) {
      throw new AssertionError("it-env.sh " + String.join(" ", command) + " failed");
    }
  }
}
