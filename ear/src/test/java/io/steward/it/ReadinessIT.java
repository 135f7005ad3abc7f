package io.steward.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

/** Health is public; readiness follows the database. */
class ReadinessIT {

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
      given()
          .baseUri(Steward.URL)
          .get("/health/ready")
          .then()
          .statusCode(503)
          .body("status", equalTo("DOWN"))
          .body("checks.find { it.name == 'database' }.status", equalTo("DOWN"))
          .body("checks.find { it.name == 'keycloak' }.status", equalTo("UP"));
    } finally {
      Steward.itEnv("restore-db");
    }
    given()
        .baseUri(Steward.URL)
        .get("/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"));
  }
}
