package io.steward.it;

import static org.hamcrest.Matchers.equalTo;

import io.steward.it.support.Steward;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bearer scheme is case-insensitive (RFC 7235): "bearer", "BEARER" and "Bearer" are all taken
 * with a valid token, and still refused with an invalid one.
 */
class BearerSchemeIT {

  @Test
  void should_take_a_valid_token_whatever_the_case_of_the_scheme() {
    String token = Steward.tokenFor("carol");
    for (String scheme : new String[] {"Bearer", "bearer", "BEARER", "bEaReR"}) {
      Steward.as(null)
          .header("Authorization", scheme + " " + token)
          .get("/api/me")
          .then()
          .statusCode(200)
          .body("username", equalTo("carol"));
      Steward.as(null)
          .header("Authorization", scheme + " " + token)
          .contentType("application/json")
          .body(Map.of("query", "{ me { username } }"))
          .post("/graphql")
          .then()
          .statusCode(200)
          .body("data.me.username", equalTo("carol"));
    }
  }

  @Test
  void should_still_refuse_invalid_tokens_and_ask_for_missing_ones() {
    String token = Steward.tokenFor("carol");
    String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
    for (String scheme : new String[] {"Bearer", "bearer", "BEARER"}) {
      for (String invalid : new String[] {forged, "not-a-token"}) {
        Steward.as(null)
            .header("Authorization", scheme + " " + invalid)
            .get("/api/me")
            .then()
            .statusCode(403)
            .body("code", equalTo("FORBIDDEN"));
      }
    }
    Steward.as(null)
        .get("/api/me")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", "Bearer realm=\"steward\"")
        .body("code", equalTo("UNAUTHENTICATED"));
  }
}
