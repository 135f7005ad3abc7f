package io.steward.it;

import static io.steward.it.support.Steward.graphql;
import static io.steward.it.support.Steward.ok;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.steward.it.support.ChangeFeed;
import io.steward.it.support.Records;
import io.steward.it.support.Records.Team;
import io.steward.it.support.Steward;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What anyone with a sign-in can send (any user may found a workspace, so no privilege is needed):
 * each request is refused with its code within a second — GraphQL's limits are checked before the
 * document is validated or run — and afterwards the server is still ready and its change feed still
 * delivers.
 */
class AbuseIT {

  private static Team team;
  private static String contact;

  @BeforeAll
  static void team() {
    team = Team.create("Abuse");
    contact =
        Records.contact(
            team.member(),
            team.ws(),
            "Nora Abuse",
            Records.company(team.member(), team.ws(), "Abuse Ltd"));
  }

  @AfterEach
  void theServerStillServes() throws Exception {
    Steward.as(null).get("/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    try (ChangeFeed feed = ChangeFeed.open(team.viewer(), team.ws(), null)) {
      String note = Records.note(team.member(), team.ws(), "Still delivering");
      assertEquals(note, feed.next().data().getString("recordId"));
    }
  }

  @Test
  void should_refuse_a_fragment_bomb_before_expanding_it() {
    StringBuilder bomb = new StringBuilder("{ me { ...F39 } } fragment F0 on Me { username }");
    for (int i = 1; i <= 39; i++) {
      bomb.append(" fragment F%d on Me { ...F%d ...F%d }".formatted(i, i - 1, i - 1));
    }
    JsonPath refused = refusedFast(() -> graphql(team.member(), bomb.toString(), Map.of()));
    assertEquals(
        "steward.graphql.max-fragment-spreads", refused.getString("errors[0].extensions.limit"));
  }

  @Test
  void should_refuse_nesting_deeper_than_the_limit_whatever_it_costs() {
    StringBuilder query =
        new StringBuilder("query($ws: ID!, $id: ID!) { contact(workspaceId: $ws, id: $id) {");
    query
        .append(" company { contacts {".repeat(75))
        .append(" id")
        .append(" } }".repeat(75))
        .append(" } }");
    JsonPath refused =
        refusedFast(
            () -> graphql(team.member(), query.toString(), Map.of("ws", team.ws(), "id", contact)));
    assertEquals("steward.graphql.max-depth", refused.getString("errors[0].extensions.limit"));

    // within the depth, the same path still answers
    ok(
        team.member(),
        "query($ws: ID!, $id: ID!) { contact(workspaceId: $ws, id: $id) {"
            + " company { contacts { company { contacts { name } } } } } }",
        Map.of("ws", team.ws(), "id", contact));
  }

  @Test
  void should_refuse_an_alias_flood_and_a_query_that_would_resolve_too_much() {
    StringBuilder flood = new StringBuilder("query($ws: ID!) {");
    for (int i = 0; i < 1000; i++) {
      flood.append(" t").append(i).append(": tasks(workspaceId: $ws) { totalCount }");
    }
    JsonPath aliases =
        refusedFast(() -> graphql(team.member(), flood + " }", Map.of("ws", team.ws())));
    assertEquals("steward.graphql.max-aliases", aliases.getString("errors[0].extensions.limit"));

    String wide =
        "query($ws: ID!) { companies(workspaceId: $ws, first: 100) { edges { node {"
            + " contacts { company { contacts { company { contacts { id } } } } } } } } }";
    JsonPath costly = refusedFast(() -> graphql(team.member(), wide, Map.of("ws", team.ws())));
    assertEquals("steward.graphql.max-complexity", costly.getString("errors[0].extensions.limit"));
  }

  @Test
  void should_refuse_long_filter_lists_and_count_a_repeated_value_once() {
    String tasks =
        "query($ws: ID!, $f: TaskFilter) { tasks(workspaceId: $ws, filter: $f) { totalCount } }";
    Records.task(team.member(), team.ws(), "Counted once");
    JsonPath refused =
        refusedFast(
            () ->
                graphql(
                    team.member(),
                    tasks,
                    Map.of(
                        "ws",
                        team.ws(),
                        "f",
                        Map.of("statuses", Collections.nCopies(20_000, "TODO")))));
    assertEquals("filter.statuses", refused.getString("errors[0].extensions.field"));
    assertEquals("steward.graphql.max-list-items", refused.getString("errors[0].extensions.limit"));

    int all = ok(team.member(), tasks, Map.of("ws", team.ws())).getInt("data.tasks.totalCount");
    int repeated =
        ok(
                team.member(),
                tasks,
                Map.of("ws", team.ws(), "f", Map.of("statuses", Collections.nCopies(100, "TODO"))))
            .getInt("data.tasks.totalCount");
    assertEquals(all, repeated, "every task of the team is still TODO");
  }

  @Test
  void should_answer_a_bad_date_in_an_input_with_one_coded_error_naming_the_field() {
    String create =
        "mutation($ws: ID!, $i: TaskInput!) { createTask(workspaceId: $ws, input: $i) { id } }";
    for (String date : List.of("2026-13-45", "tomorrow", "")) {
      Response response =
          graphql(
              team.member(),
              create,
              Map.of("ws", team.ws(), "i", Map.of("title", "Dated", "dueDate", date)));
      response.then().statusCode(200).body(not(containsString("io.steward")));
      JsonPath json = response.jsonPath();
      assertEquals(1, json.getList("errors").size(), response.asString());
      assertEquals("VALIDATION", json.getString("errors[0].extensions.code"));
      assertEquals("input.dueDate", json.getString("errors[0].extensions.field"));
    }
    Response literal =
        graphql(
            team.member(),
            "mutation($ws: ID!, $c: ID!) { logInteraction(workspaceId: $ws, contactId: $c,"
                + " input: {kind: CALL, summary: \"s\", occurredAt: \"yesterday\"}) { id } }",
            Map.of("ws", team.ws(), "c", contact));
    assertEquals("input.occurredAt", literal.jsonPath().getString("errors[0].extensions.field"));
  }

  @Test
  void should_refuse_requests_whose_json_graphql_cannot_take() {
    for (String body :
        List.of(
            "{\"query\":\"{ me { username } }\",\"variables\":\"abc\"}",
            "{\"query\":\"{ me { username } }\",\"variables\":[1,2]}",
            "{\"query\":\"{ me { username } }\",\"variables\":{\"a\":"
                + "[".repeat(1500)
                + "]".repeat(1500)
                + "}}",
            "[{\"query\":\"{ me { username } }\"}]",
            "{ this is not json")) {
      refusedFast(
          400,
          () ->
              Steward.as(team.member()).contentType(ContentType.JSON).body(body).post("/graphql"));
    }
  }

  private static JsonPath refusedFast(Supplier<Response> request) {
    return refusedFast(200, request);
  }

  /**
   * Sends a request that must be refused with VALIDATION within a second, and returns the answer.
   * The fastest of three tries counts, so that one stall of a busy test machine does not decide; a
   * refusal that takes its time, as expanding a fragment bomb would, is slow every time.
   */
  private static JsonPath refusedFast(int status, Supplier<Response> request) {
    long fastest = Long.MAX_VALUE;
    Response response = null;
    for (int attempt = 0; attempt < 3 && fastest >= 1000; attempt++) {
      long started = System.nanoTime();
      response = request.get();
      fastest = Math.min(fastest, (System.nanoTime() - started) / 1_000_000);
      response.then().statusCode(status).body("errors[0].extensions.code", equalTo("VALIDATION"));
    }
    assertTrue(fastest < 1000, "refused in " + fastest + " ms at best, not within a second");
    return response.jsonPath();
  }
}
