package io.steward.it;

import static io.steward.it.support.Steward.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.steward.it.support.AgUiStream;
import io.steward.it.support.AgentRuns;
import io.steward.it.support.Approvals;
import io.steward.it.support.Knowledge;
import io.steward.it.support.Records;
import io.steward.it.support.Records.Team;
import io.steward.it.support.ScriptedModel;
import io.steward.it.support.ScriptedModelServer;
import io.steward.it.support.Steward;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every agent tool, called as a model calls it (a scripted tool call through the real OpenAI
 * client), in a workspace of its own: what the tool returns, and that the data really changed.
 */
class AgentToolsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension static final ScriptedModel model = new ScriptedModel();
  private static Team team;
  private static String project;
  private static String company;
  private static String contact;

  @BeforeAll
  static void setUp() {
    team = Team.create("Tools");
    // The defaults hold deletes and closing deals for a person; a rule of the workspace's own comes
    // first, so every tool here applies at once as it is called.
    Approvals.addRule(
        team.owner(),
        team.ws(),
        Map.of("name", "Tools apply at once", "priority", 0, "decision", "AUTO"));
    company = Records.company(team.owner(), team.ws(), "Umbrella Labs");
    contact = Records.contact(team.owner(), team.ws(), "Alexia Ashford", company);
    project =
        Records.create(
            team.owner(), team.ws(), "Project", Map.of("name", "Hive", "companyId", company));
  }

  // task agent

  @Test
  void should_list_tasks_filtered_by_project_name_and_status() {
    String title = unique("Sweep");
    Records.create(team.owner(), team.ws(), "Task", Map.of("title", title, "projectId", project));
    Records.task(team.owner(), team.ws(), unique("Elsewhere"));

    JsonNode result = call("task", "list_tasks", "{\"project\":\"Hive\",\"status\":\"todo\"}");

    assertTrue(titles(result).contains(title), result::toString);
    result.get("items").forEach(item -> assertEquals(project, item.get("projectId").asText()));
  }

  @Test
  void should_list_tasks_due_today_by_the_workspace_date() {
    String title = unique("Due now");
    Records.create(
        team.owner(),
        team.ws(),
        "Task",
        Map.of("title", title, "dueDate", LocalDate.now(ZoneOffset.UTC).toString()));

    JsonNode result = call("task", "list_tasks_due_today", "{}");

    assertTrue(titles(result).contains(title), result::toString);
  }

  @Test
  void should_create_a_task() {
    String title = unique("Inspect");

    JsonNode result =
        call(
            "task",
            "create_task",
            "{\"title\":\"" + title + "\",\"priority\":\"low\",\"project\":\"Hive\"}");

    assertEquals(title, result.get("title").asText());
    assertEquals(
        "LOW",
        ok(
                team.owner(),
                "query($ws: ID!, $id: ID!) { task(workspaceId: $ws, id: $id) { priority } }",
                Map.of("ws", team.ws(), "id", result.get("id").asText()))
            .getString("data.task.priority"));
  }

  @Test
  void should_update_a_task_keeping_what_it_is_not_given() {
    String id =
        Records.create(
            team.owner(),
            team.ws(),
            "Task",
            Map.of("title", unique("Old"), "description", "Keep me", "priority", "HIGH"));

    JsonNode result =
        call("task", "update_task", "{\"taskId\":\"" + id + "\",\"status\":\"in_progress\"}");

    assertEquals("in_progress", result.get("status").asText());
    assertEquals("Keep me", result.get("description").asText());
    assertEquals("high", result.get("priority").asText());
  }

  @Test
  void should_delete_a_task() {
    String id = Records.task(team.owner(), team.ws(), unique("Gone"));

    JsonNode result = call("task", "delete_task", "{\"taskId\":\"" + id + "\"}");

    assertEquals(id, result.get("deleted").get("id").asText());
    assertEquals(
        "NOT_FOUND",
        Steward.errorCode(
            team.owner(),
            "query($ws: ID!, $id: ID!) { task(workspaceId: $ws, id: $id) { id } }",
            Map.of("ws", team.ws(), "id", id)));
  }

  @Test
  void should_list_add_and_delete_comments() {
    String task = Records.task(team.owner(), team.ws(), unique("Discuss"));
    Records.comment(team.owner(), team.ws(), task, "First thought");

    JsonNode added =
        call("task", "add_comment", "{\"taskId\":\"" + task + "\",\"content\":\"Second\"}");
    JsonNode listed = call("task", "list_comments", "{\"taskId\":\"" + task + "\"}");
    assertEquals(2, listed.get("totalCount").asInt());
    JsonNode deleted =
        call("task", "delete_comment", "{\"commentId\":\"" + added.get("id").asText() + "\"}");
    JsonNode after = call("task", "list_comments", "{\"taskId\":\"" + task + "\"}");

    assertEquals("Second", added.get("content").asText());
    assertEquals("comment", deleted.get("deleted").get("type").asText());
    assertEquals(1, after.get("totalCount").asInt());
  }

  // project agent

  @Test
  void should_list_active_or_all_projects() {
    String archived = Records.project(team.owner(), team.ws(), unique("Closed"));
    call("project", "archive_project", "{\"projectId\":\"" + archived + "\"}");

    JsonNode active = call("project", "list_projects", "{\"company\":\"Umbrella Labs\"}");
    JsonNode all = call("project", "list_all_projects", "{}");

    assertEquals(List.of("Hive"), names(active));
    assertTrue(ids(all).contains(archived), all::toString);
  }

  @Test
  void should_read_one_project() {
    JsonNode result = call("project", "get_project", "{\"projectId\":\"" + project + "\"}");
    assertEquals("Hive", result.get("name").asText());
  }

  @Test
  void should_create_update_archive_and_delete_projects() {
    String name = unique("Lab");
    JsonNode created =
        call("project", "create_project", "{\"name\":\"" + name + "\",\"company\":\"Umbrella\"}");
    String id = created.get("id").asText();
    assertEquals(company, created.get("companyId").asText());

    JsonNode renamed =
        call(
            "project",
            "update_project",
            "{\"projectId\":\"" + id + "\",\"name\":\"" + name + " 2\"}");
    assertEquals(name + " 2", renamed.get("name").asText());
    assertEquals(company, renamed.get("companyId").asText());

    assertEquals(
        "archived",
        call("project", "archive_project", "{\"projectId\":\"" + id + "\"}")
            .get("status")
            .asText());
    assertEquals(
        id,
        call("project", "delete_project", "{\"projectId\":\"" + id + "\"}")
            .get("deleted")
            .get("id")
            .asText());
  }

  // note agent

  @Test
  void should_list_notes_by_project_and_read_them() {
    String title = unique("Minutes");
    String id =
        Records.create(
            team.owner(),
            team.ws(),
            "Note",
            Map.of("title", title, "content", "We met.", "projectId", project));

    JsonNode listed = call("note", "list_notes", "{\"project\":\"Hive\"}");
    JsonNode read = call("note", "get_note", "{\"noteId\":\"" + id + "\"}");

    assertTrue(titles(listed).contains(title), listed::toString);
    assertEquals("We met.", read.get("content").asText());
  }

  @Test
  void should_create_update_and_delete_notes() {
    JsonNode created =
        call(
            "note",
            "create_note",
            "{\"title\":\"Plan\",\"content\":\"## Steps\\n- one\",\"project\":\"Hive\"}");
    String id = created.get("id").asText();

    JsonNode updated =
        call("note", "update_note", "{\"noteId\":\"" + id + "\",\"title\":\"Plan B\"}");
    JsonNode deleted = call("note", "delete_note", "{\"noteId\":\"" + id + "\"}");

    assertEquals("Plan B", updated.get("title").asText());
    assertEquals("## Steps\n- one", updated.get("content").asText());
    assertEquals(project, updated.get("projectId").asText());
    assertEquals(id, deleted.get("deleted").get("id").asText());
  }

  // checkpoint agent

  @Test
  void should_list_create_update_and_delete_checkpoints() {
    JsonNode created =
        call(
            "checkpoint",
            "create_checkpoint",
            "{\"project\":\"Hive\",\"title\":\"Containment\",\"date\":\"2031-02-03\"}");
    String id = created.get("id").asText();
    JsonNode listed = call("checkpoint", "list_checkpoints", "{\"project\":\"Hive\"}");
    JsonNode moved =
        call(
            "checkpoint",
            "update_checkpoint",
            "{\"checkpointId\":\"" + id + "\",\"date\":\"2031-03-04\"}");
    JsonNode deleted = call("checkpoint", "delete_checkpoint", "{\"checkpointId\":\"" + id + "\"}");

    assertEquals(project, created.get("projectId").asText());
    assertTrue(ids(listed).contains(id), listed::toString);
    assertEquals("2031-03-04", moved.get("date").asText());
    assertEquals("Containment", moved.get("title").asText());
    assertEquals(id, deleted.get("deleted").get("id").asText());
  }

  // CRM assistant

  @Test
  void should_find_people_at_a_company_with_crm_search() {
    JsonNode result = call("crm", "crm_search", "{\"query\":\"Umbrella\",\"kinds\":[\"contact\"]}");

    assertTrue(names(result.get("contacts")).contains("Alexia Ashford"), result::toString);
    assertFalse(result.has("deals"));
  }

  @Test
  void should_create_and_update_companies() {
    String name = unique("Tricell");
    JsonNode created =
        call("crm", "create_company", "{\"name\":\"" + name + "\",\"industry\":\"Pharma\"}");
    JsonNode updated =
        call(
            "crm",
            "update_company",
            "{\"companyId\":\"" + created.get("id").asText() + "\",\"industry\":\"Biotech\"}");

    assertEquals(name, updated.get("name").asText());
    assertEquals("Biotech", updated.get("industry").asText());
  }

  @Test
  void should_create_and_update_contacts() {
    JsonNode created =
        call(
            "crm",
            "create_contact",
            "{\"name\":\"Albert Wesker\",\"company\":\"Umbrella Labs\",\"email\":\"AW@umbrella.example\"}");
    JsonNode updated =
        call(
            "crm",
            "update_contact",
            "{\"contactId\":\"" + created.get("id").asText() + "\",\"leadScore\":80}");

    assertEquals(company, created.get("companyId").asText());
    assertEquals("aw@umbrella.example", updated.get("email").asText());
    assertEquals(80, updated.get("leadScore").asInt());
  }

  @Test
  void should_log_and_list_interactions() {
    JsonNode logged =
        call(
            "crm",
            "log_interaction",
            "{\"contact\":\"Alexia\",\"kind\":\"call\",\"summary\":\"Talked about the hive\"}");
    JsonNode listed = call("crm", "list_interactions", "{\"contact\":\"Alexia Ashford\"}");

    assertEquals(contact, logged.get("contactId").asText());
    assertEquals("call", logged.get("kind").asText());
    assertTrue(ids(listed).contains(logged.get("id").asText()), listed::toString);
  }

  @Test
  void should_list_and_move_deals() {
    String deal = Records.deal(team.owner(), team.ws(), company, "5000");

    JsonNode listed = call("crm", "list_deals", "{\"company\":\"Umbrella Labs\"}");
    JsonNode moved =
        call("crm", "move_deal", "{\"dealId\":\"" + deal + "\",\"stage\":\"qualified\"}");

    assertTrue(ids(listed).contains(deal), listed::toString);
    assertEquals("qualified", moved.get("stage").asText());
  }

  // shared by every agent

  @Test
  void should_find_knowledge_passages_and_cite_them_in_the_stream() {
    String id =
        Knowledge.ingestText(
                team,
                "returns.md",
                "# Returns policy\n\nCustomers may return unused goods within 30 days for a full"
                    + " refund. Opened software is not refundable.\n")
            .getString("id");

    for (String agent : List.of("crm", "note")) {
      model.enqueue(
          ScriptedModelServer.reply()
              .toolCall(
                  "call_1",
                  "knowledge_search",
                  "{\"query\":\"how long can customers return goods\"}"),
          ScriptedModelServer.reply().text("Within 30 days."));
      AgUiStream stream =
          AgentRuns.run(team.member(), team.ws(), agent, AgentRuns.newThread("Returns?", null));

      String result = stream.toolResult("call_1");
      assertTrue(result.contains("within 30 days"), result);
      JsonNode citations = stream.customEvents("steward.block").get(0);
      assertEquals("citations", citations.get("type").asText());
      JsonNode first = citations.get("items").get(0);
      assertEquals(id, first.get("documentId").asText());
      assertEquals("Returns policy", first.get("section").asText());
      assertEquals(
          "/api/workspaces/" + team.ws() + "/knowledge/documents/" + id + "/content",
          first.get("url").asText());
      assertTrue(first.get("passage").asText().contains("within 30 days"));
    }
  }

  @Test
  void should_refuse_in_a_tool_what_the_person_may_not_do() {
    model.enqueue(
        ScriptedModelServer.reply().toolCall("call_1", "create_task", "{\"title\":\"Sneaky\"}"),
        ScriptedModelServer.reply().text("I could not."));
    AgUiStream stream =
        AgentRuns.run(team.viewer(), team.ws(), "task", AgentRuns.newThread("Add it", null));

    assertTrue(stream.toolResult("call_1").contains("\"FORBIDDEN\""));
  }

  /** Runs one tool call through a scripted model and returns the tool's result as JSON. */
  private static JsonNode call(String agent, String tool, String arguments) {
    model.enqueue(
        ScriptedModelServer.reply().toolCall("call_1", tool, arguments),
        ScriptedModelServer.reply().text("Done."));
    AgUiStream stream =
        AgentRuns.run(team.owner(), team.ws(), agent, AgentRuns.newThread("Use " + tool, null));
    String content = stream.toolResult("call_1");
    try {
      JsonNode result = JSON.readTree(content);
      assertFalse(result.has("error"), () -> tool + " failed: " + content);
      return result;
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + content, e);
    }
  }

  private static List<String> titles(JsonNode list) {
    return values(list.get("items"), "title");
  }

  private static List<String> names(JsonNode list) {
    return values(list.has("items") ? list.get("items") : list, "name");
  }

  private static List<String> ids(JsonNode list) {
    return values(list.get("items"), "id");
  }

  private static List<String> values(JsonNode items, String field) {
    List<String> values = new ArrayList<>();
    items.forEach(item -> values.add(item.get(field).asText()));
    return values;
  }

  private static String unique(String prefix) {
    return prefix + " " + UUID.randomUUID().toString().substring(0, 6);
  }
}
