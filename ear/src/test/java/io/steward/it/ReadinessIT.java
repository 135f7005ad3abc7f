package io.steward.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.steward.it.support.Steward;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Health is public; readiness follows the database and Keycloak, probed in the background, so a
 * health request answers at once even while a remote system hangs.
 */
// Breaks the database and pauses Keycloak for a while, which no other test may see.
@Isolated
class ReadinessIT {

  /** Probes run every 2 s and time out after 3 s (the defaults); this leaves room for both. */
  private static final Duration SETTLE = Duration.ofSeconds(30);

  @Test
  void should_be_ready_with_database_and_keycloak_up_and_not_ready_without_the_database()
      throws Exception {
    given().baseUri(Steward.URL).get("/health/live").then().statusCode(200);
    given()
        .baseUri(Steward.URL)
        .get("/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("database"))
        .body("checks.name", hasItem("keycloak"));

    Steward.itEnv("break-db");
    try {
      JsonPath down = awaitReadiness(json -> "DOWN".equals(check(json, "database")));
      assertEquals("DOWN", down.getString("status"));
      assertEquals("UP", check(down, "keycloak"));
    } finally {
      Steward.itEnv("restore-db");
    }
    assertEquals(
        "UP", awaitReadiness(json -> "UP".equals(json.getString("status"))).getString("status"));
  }

  @Test
  void should_answer_health_at_once_while_keycloak_hangs() throws Exception {
    Steward.itEnv("pause-keycloak");
    try {
      JsonPath down = awaitReadiness(json -> "DOWN".equals(check(json, "keycloak")));
      assertEquals("UP", check(down, "database"));
      // Every health request answers from the last probe result instead of waiting on Keycloak:
      // a request that waited would take the probe's whole 3 s timeout.
      for (int i = 0; i < 20; i++) {
        long started = System.nanoTime();
        given().baseUri(Steward.URL).get("/health/live").then().statusCode(200);
        given().baseUri(Steward.URL).get("/health/ready").then().statusCode(503);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.toMillis() < 2000, "health took " + took);
      }
    } finally {
      Steward.itEnv("resume-keycloak");
    }
    awaitReadiness(json -> "UP".equals(json.getString("status")));
  }

  private static String check(JsonPath json, String name) {
    return json.getString("checks.find { it.name == '" + name + "' }.status");
  }

  /** Polls readiness until it satisfies {@code condition}; each answer must come fast. */
  private static JsonPath awaitReadiness(Predicate<JsonPath> condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    JsonPath last = null;
    while (System.nanoTime() < deadline) {
      Response response = given().baseUri(Steward.URL).get("/health/ready");
      last = response.jsonPath();
      assertEquals("UP".equals(last.getString("status")) ? 200 : 503, response.statusCode());
      if (condition.test(last)) {
        return last;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "readiness never got there; last answer " + (last == null ? null : last.prettify()));
  }
}
