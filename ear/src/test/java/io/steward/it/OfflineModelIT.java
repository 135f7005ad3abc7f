package io.steward.it;

import static io.steward.it.support.Steward.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import io.steward.it.support.AgUiStream;
import io.steward.it.support.AgentRuns;
import io.steward.it.support.Records;
import io.steward.it.support.Records.Team;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built-in offline model, chosen with {@code forwardedProps.model = "offline"} (it is the
 * default when no hosted model is configured): messages routed to an agent by meaning, common
 * requests turned into tool calls, answers from the tool results, and plain words about what it
 * cannot do — labelled as the offline model in the stream.
 */
class OfflineModelIT {

  private static Team team;

  @BeforeAll
  static void workspace() {
    team = Team.create("Offline");
    ok(
        team.owner(),
        "mutation($ws: ID!) { changeWorkspaceTimeZone(workspaceId: $ws, timeZone:"
            + " \"Pacific/Auckland\") { id } }",
        Map.of("ws", team.ws()));
    String initrode = Records.company(team.owner(), team.ws(), "Initrode");
    Records.contact(team.owner(), team.ws(), "Peter Gibbons", initrode);
    Records.project(team.owner(), team.ws(), "Launch");
  }

  @Test
  void should_create_a_task_due_tomorrow_in_the_workspaces_time_zone() {
    AgUiStream stream = ask("create a task to call Acme tomorrow");

    JsonNode run = stream.customEvents("steward.run").get(0);
    assertEquals("task", run.get("agent").asText());
    assertEquals("offline", run.get("model").asText());
    assertTrue(run.get("offline").asBoolean());
    assertEquals(List.of("create_task"), List.copyOf(stream.toolCalls().keySet()));
    assertTrue(stream.text().startsWith("Created task “Call Acme”"), stream.text());
    assertFalse(stream.last().json().has("usage"), "the offline model is not metered");

    LocalDate tomorrow = LocalDate.now(ZoneId.of("Pacific/Auckland")).plusDays(1);
    JsonPath tasks =
        ok(
            team.owner(),
            "query($ws: ID!) { tasks(workspaceId: $ws, filter: {search: \"Call Acme\"}) {"
                + " edges { node { title dueDate } } } }",
            Map.of("ws", team.ws()));
    assertEquals("Call Acme", tasks.getString("data.tasks.edges[0].node.title"));
    assertEquals(tomorrow.toString(), tasks.getString("data.tasks.edges[0].node.dueDate"));
  }

  @Test
  void should_answer_what_is_due_today() {
    String today = LocalDate.now(ZoneId.of("Pacific/Auckland")).toString();
    Records.create(
        team.owner(), team.ws(), "Task", Map.of("title", "Renew the domain", "dueDate", today));

    AgUiStream stream = ask("What is due today?");

    assertEquals(List.of("list_tasks_due_today"), List.copyOf(stream.toolCalls().keySet()));
    assertTrue(stream.text().contains("Renew the domain"), stream.text());
  }

  @Test
  void should_log_a_call_with_a_contact_found_by_name() {
    AgUiStream stream = ask("log a call with Peter Gibbons about the TPS reports");

    assertEquals("crm", stream.customEvents("steward.run").get(0).get("agent").asText());
    assertEquals(List.of("log_interaction"), List.copyOf(stream.toolCalls().keySet()));
    JsonPath interactions =
        ok(
            team.owner(),
            "query($ws: ID!) { interactions(workspaceId: $ws) { edges { node { kind summary"
                + " contact { name } } } } }",
            Map.of("ws", team.ws()));
    assertEquals("CALL", interactions.getString("data.interactions.edges[0].node.kind"));
    assertEquals(
        "The TPS reports", interactions.getString("data.interactions.edges[0].node.summary"));
    assertEquals(
        "Peter Gibbons", interactions.getString("data.interactions.edges[0].node.contact.name"));
  }

  @Test
  void should_find_contacts_at_a_company() {
    AgUiStream stream = ask("find contacts at Initrode");

    assertEquals(List.of("crm_search"), List.copyOf(stream.toolCalls().keySet()));
    assertTrue(stream.text().contains("Peter Gibbons"), stream.text());
  }

  @Test
  void should_add_a_note_to_a_project() {
    AgUiStream stream = ask("add a note to Launch: kickoff went well, the client wants dark mode");

    assertEquals("note", stream.customEvents("steward.run").get(0).get("agent").asText());
    JsonPath notes =
        ok(
            team.owner(),
            "query($ws: ID!) { notes(workspaceId: $ws) { edges { node { content project { name } } } } }",
            Map.of("ws", team.ws()));
    assertTrue(notes.getString("data.notes.edges[0].node.content").startsWith("kickoff went well"));
    assertEquals("Launch", notes.getString("data.notes.edges[0].node.project.name"));
  }

  @Test
  void should_say_plainly_what_it_cannot_do() {
    AgUiStream stream = ask("write me a poem about spreadsheets");

    assertTrue(stream.toolCalls().isEmpty(), stream.types()::toString);
    assertTrue(stream.text().contains("offline model"), stream.text());
    assertEquals("RUN_FINISHED", stream.last().type());
  }

  /** Posts a message to the routed runs endpoint, asking for the offline model. */
  private static AgUiStream ask(String message) {
    return AgentRuns.run(team.owner(), team.ws(), null, AgentRuns.newThread(message, "offline"));
  }
}
