package io.steward.it;

import static io.steward.it.support.Steward.graphql;
import static io.steward.it.support.Steward.ok;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.path.json.JsonPath;
import io.steward.it.support.ModelProviders;
import io.steward.it.support.Records;
import io.steward.it.support.Records.Team;
import io.steward.it.support.Steward;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Values at their documented limits are kept and read back exactly; one step beyond is a VALIDATION
 * error on the field, never an INTERNAL one or a different value: Markdown of 100 kB in any script,
 * dates from 1900 to 9999, numbers within their range.
 */
class ValueLimitsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MARKDOWN_MAX_BYTES = 100_000;

  /**
   * 100,000 bytes of Markdown four ways: quotes, backslashes and line breaks (JSON escaping doubles
   * each), and characters of two, three and four bytes in UTF-8.
   */
  private static final List<String> LONGEST =
      List.of(
          "\"\\\n".repeat(33_333) + "z",
          "é".repeat(50_000),
          "€".repeat(33_333) + "z",
          "\uD83D\uDE00".repeat(25_000));

  private static Team team;
  private static String project;

  @BeforeAll
  static void team() {
    team = Team.create("Limits");
    project = Records.project(team.member(), team.ws(), "Long texts");
  }

  @Test
  void should_keep_markdown_of_100_kB_whole_in_records_and_audit_and_refuse_a_byte_more()
      throws Exception {
    for (String text : LONGEST) {
      assertEquals(MARKDOWN_MAX_BYTES, text.getBytes(StandardCharsets.UTF_8).length);
    }
    String task = Records.task(team.member(), team.ws(), "Long description");
    String previous = null;
    int version = 0;
    for (String text : LONGEST) {
      JsonPath updated =
          ok(
              team.member(),
              "mutation($ws: ID!, $id: ID!, $v: Int!, $in: TaskInput!) { updateTask(workspaceId:"
                  + " $ws, id: $id, version: $v, input: $in) { description version } }",
              Map.of(
                  "ws",
                  team.ws(),
                  "id",
                  task,
                  "v",
                  version,
                  "in",
                  Map.of("title", "Long description", "description", text)));
      version = updated.getInt("data.updateTask.version");
      assertEquals(text, read("task", task, "description"));
      JsonNode audited = latestAudit(task);
      assertEquals(text, audited.get("after").get("description").asText());
      if (previous != null) {
        assertEquals(previous, audited.get("before").get("description").asText());
      }
      previous = text;
    }

    for (String text : LONGEST) {
      String note =
          Records.create(
              team.member(),
              team.ws(),
              "Note",
              Map.of("title", "Long note", "content", text, "projectId", project));
      assertEquals(text, read("note", note, "content"));
      assertEquals(text, latestAudit(note).get("after").get("content").asText());
      String comment = Records.comment(team.member(), team.ws(), task, text);
      assertEquals(text, latestAudit(comment).get("after").get("content").asText());
      String contact = Records.contact(team.member(), team.ws(), "Long talker", null);
      String interaction = Records.interaction(team.member(), team.ws(), contact, text);
      assertEquals(text, read("interaction", interaction, "summary"));
      assertEquals(text, latestAudit(interaction).get("after").get("summary").asText());
    }

    for (String text : List.of(LONGEST.get(0) + "x", "é".repeat(50_000) + "a")) {
      assertRefused(
          "mutation($ws: ID!, $in: TaskInput!) { createTask(workspaceId: $ws, input: $in) { id } }",
          Map.of("ws", team.ws(), "in", Map.of("title", "Too long", "description", text)),
          "description");
      assertRefused(
          "mutation($ws: ID!, $in: NoteInput!) { createNote(workspaceId: $ws, input: $in) { id } }",
          Map.of("ws", team.ws(), "in", Map.of("title", "Too long", "content", text)),
          "content");
      assertRefused(
          "mutation($ws: ID!, $t: ID!, $c: String!) { addComment(workspaceId: $ws, taskId: $t,"
              + " content: $c) { id } }",
          Map.of("ws", team.ws(), "t", task, "c", text),
          "content");
    }
  }

  @Test
  void should_keep_dates_from_1900_to_9999_exactly_and_refuse_others_on_their_field() {
    for (String date : List.of("1900-01-01", "9999-12-31")) {
      String task =
          Records.create(
              team.member(), team.ws(), "Task", Map.of("title", "Due " + date, "dueDate", date));
      assertEquals(date, read("task", task, "dueDate"));
    }
    String createTask =
        "mutation($ws: ID!, $in: TaskInput!) { createTask(workspaceId: $ws, input: $in) { id } }";
    for (String date : List.of("+999999999-01-01", "+10000-01-01", "1899-12-31", "0001-01-01")) {
      assertRefused(
          createTask,
          Map.of("ws", team.ws(), "in", Map.of("title", "Far", "dueDate", date)),
          "dueDate");
    }
    assertRefused(
        "mutation($ws: ID!, $in: CheckpointInput!) { createCheckpoint(workspaceId: $ws, input:"
            + " $in) { id } }",
        Map.of(
            "ws",
            team.ws(),
            "in",
            Map.of("projectId", project, "title", "Far", "date", "+999999999-01-01")),
        "date");
    String company = Records.company(team.member(), team.ws(), "Dates Inc");
    Map<String, Object> deal = new HashMap<>();
    deal.put("title", "Far deal");
    deal.put("companyId", company);
    deal.put("value", "10");
    deal.put("currency", "EUR");
    deal.put("expectedClose", "+999999999-12-31");
    assertRefused(
        "mutation($ws: ID!, $in: DealInput!) { createDeal(workspaceId: $ws, input: $in) { id } }",
        Map.of("ws", team.ws(), "in", deal),
        "expectedClose");

    String far = "{ edges { node { id } } }";
    assertRefused(
        "query($ws: ID!) { tasks(workspaceId: $ws, filter: {dueBefore: \"+999999999-01-01\"})"
            + far
            + " }",
        Map.of("ws", team.ws()),
        "filter.dueBefore");
    assertRefused(
        "query($ws: ID!) { checkpoints(workspaceId: $ws, filter: {from: \"0999-01-01\"})"
            + far
            + " }",
        Map.of("ws", team.ws()),
        "filter.from");
    assertRefused(
        "query($ws: ID!) { deals(workspaceId: $ws, filter: {closingBy: \"+10000-01-01\"})"
            + far
            + " }",
        Map.of("ws", team.ws()),
        "filter.closingBy");
    assertRefused(
        "query($ws: ID!) { searchKnowledge(workspaceId: $ws, query: \"x\", filter: {uploadedAfter:"
            + " \"+999999999-01-01T00:00:00Z\"}) { totalCount } }",
        Map.of("ws", team.ws()),
        "filter.uploadedAfter");
    assertRefused(
        team.owner(),
        "query($ws: ID!) { modelUsage(workspaceId: $ws, from: \"+999999999-01-01\", to:"
            + " \"+999999999-01-02\") { usedThisMonth } }",
        Map.of("ws", team.ws()),
        "from");
  }

  @Test
  void should_keep_times_in_range_to_the_microsecond_and_refuse_others() {
    String contact = Records.contact(team.member(), team.ws(), "Timekeeper", null);
    String log =
        "mutation($ws: ID!, $c: ID!, $at: DateTime!) { logInteraction(workspaceId: $ws,"
            + " contactId: $c, input: {kind: CALL, summary: \"Call\", occurredAt: $at}) { id } }";
    Map<String, String> kept =
        Map.of(
            "1900-01-01T00:00:00Z", "1900-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999Z", "9999-12-31T23:59:59.999999Z",
            "2026-11-20T10:00:00.123456789+02:00", "2026-11-20T08:00:00.123456Z");
    for (Map.Entry<String, String> moment : kept.entrySet()) {
      String id =
          ok(team.member(), log, Map.of("ws", team.ws(), "c", contact, "at", moment.getKey()))
              .getString("data.logInteraction.id");
      assertEquals(
          OffsetDateTime.parse(moment.getValue()).toInstant(),
          OffsetDateTime.parse(read("interaction", id, "occurredAt")).toInstant(),
          moment.getKey());
    }
    for (String moment :
        List.of("+999999999-01-01T00:00:00Z", "9999-12-31T23:00:00-05:00", "1899-12-31T23:59Z")) {
      assertRefused(log, Map.of("ws", team.ws(), "c", contact, "at", moment), "occurredAt");
    }
  }

  @Test
  void should_refuse_numbers_beyond_their_range_instead_of_wrapping_them() {
    String settings =
        "mutation($ws: ID!, $s: AiSettingsInput!) { updateAiSettings(workspaceId: $ws, settings:"
            + " $s) { monthlyTokenBudget } }";
    JsonPath largest =
        ok(
            team.owner(),
            settings,
            Map.of(
                "ws",
                team.ws(),
                "s",
                Map.of("membersMayChooseModel", false, "monthlyTokenBudget", Long.MAX_VALUE)));
    assertEquals(Long.MAX_VALUE, largest.getLong("data.updateAiSettings.monthlyTokenBudget"));
    for (BigInteger budget :
        List.of(BigInteger.TEN.pow(30), BigInteger.TWO.pow(63), BigInteger.TWO.pow(64).negate())) {
      assertRefused(
          team.owner(),
          settings,
          Map.of(
              "ws",
              team.ws(),
              "s",
              Map.of("membersMayChooseModel", false, "monthlyTokenBudget", budget)),
          "monthlyTokenBudget");
      assertRefused(
          team.owner(),
          "mutation($ws: ID!, $s: AgentSettingsInput!) { updateAgentSettings(workspaceId: $ws,"
              + " agent: \"task\", settings: $s) { monthlyTokenBudget } }",
          Map.of("ws", team.ws(), "s", Map.of("monthlyTokenBudget", budget)),
          "monthlyTokenBudget");
    }
    assertEquals(
        Long.MAX_VALUE,
        ok(
                team.owner(),
                "query($ws: ID!) { aiSettings(workspaceId: $ws) { monthlyTokenBudget } }",
                Map.of("ws", team.ws()))
            .getLong("data.aiSettings.monthlyTokenBudget"),
        "refused budgets changed nothing");

    String company = Records.company(team.member(), team.ws(), "Numbers Inc");
    for (BigDecimal value :
        List.of(
            new BigDecimal("1E+1000000000"),
            new BigDecimal("1E-1000000000"),
            new BigDecimal("100000000000000000"),
            new BigDecimal("0.001"),
            new BigDecimal("1." + "0".repeat(1_000)))) {
      Map<String, Object> deal =
          Map.of("title", "Odd", "companyId", company, "value", value, "currency", "EUR");
      assertRefused(
          "mutation($ws: ID!, $in: DealInput!) { createDeal(workspaceId: $ws, input: $in) { id"
              + " } }",
          Map.of("ws", team.ws(), "in", deal),
          "value");
    }

    Steward.as(team.owner())
        .get("/api/workspaces/" + team.ws() + "/audit-log?first=99999999999")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("VALIDATION"))
        .body("field", equalTo("first"));
  }

  @Test
  void should_refuse_api_keys_no_http_header_can_carry() {
    for (String key : List.of("€".repeat(1_000), "sk-with space", "sk-" + "x".repeat(1_000))) {
      assertRefused(
          team.owner(),
          ModelProviders.ADD,
          Map.of(
              "ws",
              team.ws(),
              "in",
              ModelProviders.providerInput("Keyed", "OPENAI", null, "gpt-4o", key)),
          "apiKey");
    }
  }

  /** Refused quickly with VALIDATION on {@code field}, the error saying nothing internal. */
  private static void assertRefused(String document, Map<String, Object> variables, String field) {
    assertRefused(team.member(), document, variables, field);
  }

  private static void assertRefused(
      String token, String document, Map<String, Object> variables, String field) {
    long started = System.nanoTime();
    JsonPath refused =
        graphql(token, document, variables).then().statusCode(200).extract().jsonPath();
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    String summary = refused.prettify();
    String shown = summary.length() > 2_000 ? summary.substring(0, 2_000) : summary;
    assertEquals("VALIDATION", refused.getString("errors[0].extensions.code"), shown);
    assertEquals(field, refused.getString("errors[0].extensions.field"), shown);
    assertEquals(1, refused.getList("errors").size(), shown);
    assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, field + " took " + took);
  }

  private static String read(String type, String id, String field) {
    return ok(
            team.member(),
            "query($ws: ID!, $id: ID!) { "
                + type
                + "(workspaceId: $ws, id: $id) { "
                + field
                + " } }",
            Map.of("ws", team.ws(), "id", id))
        .getString("data." + type + "." + field);
  }

  /** The newest audit entry about a record, with its before and after states parsed. */
  private static JsonNode latestAudit(String targetId) throws Exception {
    JsonPath log =
        ok(
            team.owner(),
            "query($ws: ID!) { auditLog(workspaceId: $ws, first: 20) { edges { node { targetId"
                + " before after } } } }",
            Map.of("ws", team.ws()));
    List<Map<String, String>> entries = log.getList("data.auditLog.edges.node");
    for (Map<String, String> entry : entries) {
      if (targetId.equals(entry.get("targetId"))) {
        ObjectNode states = JSON.createObjectNode();
        states.set("after", JSON.readTree(entry.get("after")));
        states.set(
            "before", entry.get("before") == null ? null : JSON.readTree(entry.get("before")));
        return states;
      }
    }
    throw new AssertionError("no audit entry about " + targetId);
  }
}
