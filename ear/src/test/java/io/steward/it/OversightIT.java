package io.steward.it;

import static io.steward.it.support.Approvals.OVERSIGHT;
import static io.steward.it.support.Approvals.decide;
import static io.steward.it.support.Approvals.held;
import static io.steward.it.support.Approvals.json;
import static io.steward.it.support.Steward.errorCode;
import static io.steward.it.support.Steward.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.steward.it.support.AgUiStream;
import io.steward.it.support.Approvals;
import io.steward.it.support.Approvals.ToolCall;
import io.steward.it.support.Records;
import io.steward.it.support.Records.Team;
import io.steward.it.support.ScriptedModel;
import io.steward.it.support.Steward;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The 90/5 figures of a period: a fresh workspace's agent writes counted by how they ended (applied
 * at once, approved, approved with edits, rejected, denied), with shares, the time people took to
 * decide and who decided how many; for admins and owners only.
 */
class OversightIT {

  @RegisterExtension static final ScriptedModel model = new ScriptedModel();
  private static Team team;
  private static OffsetDateTime started;

  @BeforeAll
  static void agentsAtWork() throws InterruptedException {
    started = OffsetDateTime.now(ZoneOffset.UTC);
    team = Team.create("Oversight");
    Approvals.addRule(
        team.owner(),
        team.ws(),
        Map.of(
            "name",
            "Updates wait",
            "priority",
            1,
            "tools",
            List.of("update_task"),
            "decision",
            "APPROVE"));
    Approvals.addRule(
        team.owner(),
        team.ws(),
        Map.of(
            "name",
            "No notes",
            "priority",
            2,
            "tools",
            List.of("create_note"),
            "decision",
            "DENY"));
    String kept = Records.task(team.owner(), team.ws(), "Kept");
    String removed = Records.task(team.owner(), team.ws(), "Removed");
    String renamed = Records.task(team.owner(), team.ws(), "Renamed");

    AgUiStream applied =
        Approvals.run(
            model,
            team.owner(),
            team.ws(),
            "task",
            new ToolCall("call_1", "create_task", json("title", "First")),
            new ToolCall("call_2", "create_task", json("title", "Second")),
            new ToolCall("call_3", "create_task", json("title", "Third")),
            new ToolCall("call_4", "list_tasks", "{}"));
    assertTrue(applied.toolResult("call_3").contains("Third"), applied::raw);
    AgUiStream denied =
        Approvals.run(
            model,
            team.member(),
            team.ws(),
            "note",
            new ToolCall("call_1", "create_note", json("title", "Minutes", "content", "We met.")));
    assertTrue(denied.toolResult("call_1").contains("DENIED"), denied::raw);
    String rejected =
        held(model, team.owner(), team.ws(), "task", "delete_task", json("taskId", kept));
    String approved =
        held(model, team.owner(), team.ws(), "task", "delete_task", json("taskId", removed));
    String edited =
        held(
            model,
            team.owner(),
            team.ws(),
            "task",
            "update_task",
            json("taskId", renamed, "title", "Renamed by the agent"));

    decide(team.owner(), team.ws(), approved, "APPROVE", null, null);
    decide(
        team.member(),
        team.ws(),
        edited,
        "APPROVE",
        null,
        json("taskId", renamed, "title", "Renamed by a person"));
    // The oldest request waits longest, so the 90th percentile is at least these two seconds.
    Thread.sleep(2000);
    decide(team.owner(), team.ws(), rejected, "REJECT", null, null);
  }

  @Test
  void should_count_the_agent_writes_of_the_period_by_how_they_ended() {
    JsonPath figures =
        oversight(team.owner(), started.minusMinutes(1), OffsetDateTime.now().plusMinutes(1));

    assertEquals(7, figures.getInt("total"), figures::prettify);
    assertCount(figures, "autoApplied", 3);
    assertCount(figures, "approved", 1);
    assertCount(figures, "approvedWithEdits", 1);
    assertCount(figures, "rejected", 1);
    assertCount(figures, "denied", 1);
    assertCount(figures, "expired", 0);
    assertCount(figures, "cancelled", 0);
    assertCount(figures, "pending", 0);
    long median = figures.getLong("medianSecondsToDecision");
    long p90 = figures.getLong("p90SecondsToDecision");
    assertTrue(median >= 0 && median <= p90, figures::prettify);
    assertTrue(p90 >= 2, figures::prettify);
    Map<String, Integer> byPerson = new HashMap<>();
    List<Map<String, Object>> people = figures.getList("decisionsByPerson");
    people.forEach(p -> byPerson.put((String) p.get("userId"), (Integer) p.get("decisions")));
    assertEquals(Map.of(Steward.userId("dave"), 2, Steward.userId("erin"), 1), byPerson);
  }

  @Test
  void should_count_nothing_in_a_period_before_the_work() {
    JsonPath figures = oversight(team.owner(), started.minusDays(2), started.minusDays(1));

    assertEquals(0, figures.getInt("total"));
    assertCount(figures, "autoApplied", 0);
    assertNull(figures.get("medianSecondsToDecision"));
    assertEquals(List.of(), figures.getList("decisionsByPerson"));
  }

  @Test
  void should_show_the_figures_to_admins_and_owners_only() {
    Map<String, Object> period =
        Map.of(
            "ws",
            team.ws(),
            "from",
            started.minusDays(1).toString(),
            "to",
            started.plusDays(1).toString());
    assertEquals("FORBIDDEN", errorCode(team.member(), OVERSIGHT, period));
    assertEquals("FORBIDDEN", errorCode(team.viewer(), OVERSIGHT, period));
  }

  @Test
  void should_refuse_a_period_that_does_not_move_forward() {
    JsonPath refused =
        Steward.graphql(
                team.owner(),
                OVERSIGHT,
                Map.of("ws", team.ws(), "from", started.toString(), "to", started.toString()))
            .jsonPath();

    assertEquals("VALIDATION", refused.getString("errors[0].extensions.code"), refused.prettify());
    assertEquals("to", refused.getString("errors[0].extensions.field"));
    assertEquals(
        "VALIDATION",
        errorCode(
            team.owner(),
            OVERSIGHT,
            Map.of(
                "ws",
                team.ws(),
                "from",
                started.toString(),
                "to",
                started.minusHours(1).toString())));
  }

  private static JsonPath oversight(String token, OffsetDateTime from, OffsetDateTime to) {
    return ok(
            token, OVERSIGHT, Map.of("ws", team.ws(), "from", from.toString(), "to", to.toString()))
        .setRootPath("data.oversight");
  }

  private static void assertCount(JsonPath figures, String name, int count) {
    assertEquals(count, figures.getInt(name + ".count"), () -> name + ": " + figures.prettify());
    double share = count / (double) Math.max(1, figures.getInt("total"));
    assertEquals(share, figures.getDouble(name + ".share"), 1e-6, name);
  }
}
