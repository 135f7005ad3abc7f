package io.steward.it;

import static io.steward.it.support.Steward.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.steward.it.support.Records;
import io.steward.it.support.Records.Team;
import io.steward.it.support.Steward;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nested fields are loaded for a whole page at once: a page of 50 tasks with project, assignees and
 * comment count runs as many SQL statements as a page of 5. Statements are counted by the server's
 * {@code steward_sql_statements} metric around each request.
 */
class BatchingIT {

  private static final Pattern METRIC =
      Pattern.compile("^steward_sql_statements\\{[^}]*\\} ([0-9.E]+)$", Pattern.MULTILINE);

  private static final String TASK_PAGE =
      "query($ws: ID!, $n: Int!) { tasks(workspaceId: $ws, first: $n) { totalCount edges { node {"
          + " title project { name taskCounts { todo total } } assignees { username }"
          + " commentCount } } } }";

  private static final String COMPANY_PAGE =
      "query($ws: ID!, $n: Int!) { companies(workspaceId: $ws, first: $n) { edges { node { name"
          + " contacts { name company { name } } openDeals { title company { name } } } } } }";

  private static Team team;

  @BeforeAll
  static void fillAWorkspace() {
    team = Team.create("Batching");
    String erin = Steward.userId("erin");
    String dave = Steward.userId("dave");
    StringBuilder tasks = new StringBuilder("mutation($ws: ID!, $a: [ID]) {");
    for (int p = 0; p < 5; p++) {
      String project = Records.project(team.member(), team.ws(), "Project " + p);
      for (int t = 0; t < 12; t++) {
        tasks.append(
            " t%d_%d: createTask(workspaceId: $ws, input: {title: \"Task %d.%d\", projectId: \"%s\", assigneeIds: $a}) { id }"
                .formatted(p, t, p, t, project));
      }
    }
    ok(
        team.member(),
        tasks.append(" }").toString(),
        Map.of("ws", team.ws(), "a", List.of(erin, dave)));
    for (int c = 0; c < 25; c++) {
      String company = Records.company(team.member(), team.ws(), "Company " + c);
      Records.contact(team.member(), team.ws(), "Contact " + c, company);
      Records.deal(team.member(), team.ws(), company, String.valueOf(c));
    }
  }

  @Test
  void should_load_a_page_of_tasks_with_a_constant_number_of_statements() {
    long small = statements(TASK_PAGE, 5, "tasks");
    long large = statements(TASK_PAGE, 50, "tasks");
    assertEquals(small, large, "50 tasks need no more statements than 5");
    assertTrue(large <= 6, "page, count, projects, task counts, assignees, comments: " + large);
  }

  @Test
  void should_load_a_page_of_companies_with_a_constant_number_of_statements() {
    long small = statements(COMPANY_PAGE, 2, "companies");
    long large = statements(COMPANY_PAGE, 25, "companies");
    assertEquals(small, large, "25 companies need no more statements than 2");
  }

  /**
   * Statements the server ran for one request, the least of three tries: nothing else runs during
   * the tests, but a background job (e.g. an earlier test's change feed) could add some.
   */
  private static long statements(String document, int pageSize, String connection) {
    long least = Long.MAX_VALUE;
    for (int attempt = 0; attempt < 3; attempt++) {
      long before = metric();
      JsonPath page = ok(team.viewer(), document, Map.of("ws", team.ws(), "n", pageSize));
      long after = metric();
      assertEquals(pageSize, page.getList("data." + connection + ".edges").size());
      least = Math.min(least, after - before);
    }
    return least;
  }

  private static long metric() {
    String metrics = RestAssured.given().baseUri(Steward.URL).get("/metrics").asString();
    Matcher matcher = METRIC.matcher(metrics);
    assertTrue(matcher.find(), "the server publishes steward_sql_statements");
    return (long) Double.parseDouble(matcher.group(1));
  }
}
