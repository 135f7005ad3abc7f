package io.steward.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.steward.it.support.Steward;
import org.junit.jupiter.api.Test;

/** What people open in a browser: GraphiQL on the server, the admin console on the admin port. */
class OperatorSurfacesIT {

  @Test
  void should_serve_graphiql_without_a_token() {
    given()
        .baseUri(Steward.URL)
        .get("/graphql-ui/")
        .then()
        .statusCode(200)
        .contentType(containsString("text/html"))
        .body(containsString("GraphiQL"));
  }

  @Test
  void should_serve_the_payara_admin_console_on_the_admin_port() {
    given()
        .baseUri("http://localhost:" + System.getenv("STEWARD_ADMIN_PORT"))
        .redirects()
        .follow(true)
        .get("/")
        .then()
        .statusCode(anyOf(is(200), is(202)))
        .body(containsString("Administration Console"));
  }
}
