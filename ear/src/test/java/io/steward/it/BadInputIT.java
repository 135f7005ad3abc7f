package io.steward.it;

import static io.steward.it.support.Steward.errorCode;
import static io.steward.it.support.Steward.graphql;
import static io.steward.it.support.Steward.ok;
import static io.steward.it.support.Steward.tokenFor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.steward.it.support.Steward;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear coded error, never a 500, and writes nothing. */
class BadInputIT {

  private static final String CREATE =
      "mutation($name: String!) { createWorkspace(name: $name) { id } }";

  @Test
  void should_refuse_empty_blank_and_too_long_names_without_creating_anything() {
    String dave = tokenFor("dave");
    int before = workspaceCount();
    for (String name : new String[] {"", "   ", "x".repeat(101), "line\nbreak"}) {
      graphql(dave, CREATE, Map.of("name", name))
          .then()
          .statusCode(200)
          .body("errors[0].extensions.code", equalTo("VALIDATION"))
          .body("errors[0].extensions.field", equalTo("name"));
    }
    assertEquals(before, workspaceCount(), "no workspace was written");
    ok(dave, CREATE, Map.of("name", "y".repeat(100)));
    assertEquals(before + 1, workspaceCount());
  }

  @Test
  void should_answer_not_found_for_unknown_ids_and_users() {
    assertEquals(
        "NOT_FOUND",
        errorCode(
            tokenFor("admin"),
            "query($id: ID!) { workspace(id: $id) { id } }",
            Map.of("id", UUID.randomUUID().toString())));
    String alice = tokenFor("alice");
    assertEquals(
        "NOT_FOUND",
        errorCode(
            alice,
            "mutation { addMember(workspaceId: \""
                + Steward.ACME
                + "\", user: \"nobody-here\", role: MEMBER) { userId } }",
            Map.of()));
    assertEquals(
        "NOT_FOUND",
        errorCode(
            alice,
            "mutation { changeMemberRole(workspaceId: \""
                + Steward.ACME
                + "\", userId: \""
                + UUID.randomUUID()
                + "\", role: MEMBER) { userId } }",
            Map.of()));
  }

  @Test
  void should_refuse_malformed_ids_documents_and_types_with_validation() {
    String bob = tokenFor("bob");
    assertEquals(
        "VALIDATION", errorCode(bob, "{ workspace(id: \"not-a-uuid\") { id } }", Map.of()));
    assertEquals("VALIDATION", errorCode(bob, "{ workspaces { id ", Map.of()));
    assertEquals("VALIDATION", errorCode(bob, "{ workspaces { noSuchField } }", Map.of()));
    assertEquals(
        "VALIDATION",
        errorCode(
            bob,
            "query($f: Int) { auditLog(workspaceId: \""
                + Steward.ACME
                + "\", first: $f) { totalCount } }",
            Map.of("f", "abc")));
    assertEquals(
        "VALIDATION",
        errorCode(
            tokenFor("alice"),
            "{ auditLog(workspaceId: \"" + Steward.ACME + "\", first: 0) { totalCount } }",
            Map.of()));
    assertEquals(
        "VALIDATION",
        errorCode(
            tokenFor("alice"),
            "{ auditLog(workspaceId: \"" + Steward.ACME + "\", after: \"bogus\") { totalCount } }",
            Map.of()));
  }

  @Test
  void should_never_answer_500_or_leak_internals_for_broken_requests() {
    Steward.as(tokenFor("bob"))
        .contentType(ContentType.JSON)
        .body("{ this is not json")
        .post("/graphql")
        .then()
        .statusCode(lessThan(500))
        .body(not(containsString("Exception")));
    Steward.as(tokenFor("bob"))
        .get("/api/workspaces/not-a-uuid")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("VALIDATION"));
    Steward.as(tokenFor("bob"))
        .get("/api/no-such-resource")
        .then()
        .statusCode(404)
        .body("code", equalTo("NOT_FOUND"));
  }

  private static int workspaceCount() {
    return ok(tokenFor("admin"), "{ workspaces { id } }", Map.of())
        .getList("data.workspaces")
        .size();
  }
}
