package io.steward.it;

import static io.steward.it.support.Steward.errorCode;
import static io.steward.it.support.Steward.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.steward.it.support.AgUiClient;
import io.steward.it.support.AgUiClient.Resumption;
import io.steward.it.support.AgUiStream;
import io.steward.it.support.AgentRuns;
import io.steward.it.support.Approvals;
import io.steward.it.support.Records;
import io.steward.it.support.Records.Team;
import io.steward.it.support.ScriptedModel;
import io.steward.it.support.ScriptedModelServer;
import io.steward.it.support.Steward;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Writes held for a person inside a chat, through the real AG-UI client: a run ends with every held
 * write of it as an interrupt at once; the client's next run answers them in {@code resume};
 * Steward decides and applies before the agent carries on in the same thread. Decisions made in the
 * inbox reach the thread's next run the same way, and are not offered again.
 */
class ApprovalInterruptIT {

  private static final String TASK =
      "query($ws: ID!, $id: ID!) { task(workspaceId: $ws, id: $id) { title } }";

  @RegisterExtension static final ScriptedModel model = new ScriptedModel();
  private static Team team;

  @BeforeAll
  static void setUp() {
    team = Team.create("Interrupts");
  }

  @Test
  void should_interrupt_with_both_held_writes_and_apply_only_the_approved_one_after_resume() {
    String kept = Records.task(team.owner(), team.ws(), "Keep the archive");
    String dropped = Records.task(team.owner(), team.ws(), "Old duplicate");
    model.enqueue(
        ScriptedModelServer.reply()
            .toolCall(
                "call_1",
                "delete_task",
                "{\"taskId\":\"" + dropped + "\",\"reason\":\"A duplicate\",\"confidence\":0.9}")
            .toolCall("call_2", "delete_task", "{\"taskId\":\"" + kept + "\"}"),
        ScriptedModelServer.reply().text("Both deletions wait for your approval."),
        ScriptedModelServer.reply().text("Deleted the duplicate; the archive task stays."));

    Resumption runs =
        resume(
            AgentRuns.newThread("Delete the duplicate and the archive task", null),
            List.of(
                Map.of("approved", true, "comment", "Yes, a duplicate"),
                Map.of("approved", false, "comment", "Keep the archive")));

    assertEquals("interrupt", runs.firstEnd().get("outcome").asText());
    JsonNode interrupts = runs.firstEnd().get("interrupts");
    assertEquals(2, interrupts.size(), interrupts::toString);
    assertEquals("call_1", interrupts.get(0).get("toolCallId").asText());
    assertEquals("call_2", interrupts.get(1).get("toolCallId").asText());
    for (JsonNode interrupt : interrupts) {
      assertEquals("approval_required", interrupt.get("reason").asText());
      assertTrue(interrupt.get("message").asText().contains("delete_task"), interrupt::toString);
      assertFalse(interrupt.get("expiresAt").asText().isEmpty());
      assertEquals("approved", interrupt.get("responseSchema").get("required").get(0).asText());
    }
    assertTrue(interrupts.get(0).get("message").asText().endsWith(": A duplicate"));
    AgUiStream first = runs.first().verify();
    assertTrue(first.toolResult("call_1").contains("\"pending\""), first.toolResult("call_1"));

    assertEquals("success", runs.secondEnd().get("outcome").asText());
    AgUiStream second = runs.second().verify(first);
    assertTrue(second.toolResult("call_1").contains("\"applied\""), second.toolResult("call_1"));
    assertTrue(second.toolResult("call_2").contains("\"rejected\""), second.toolResult("call_2"));
    assertTrue(second.text().contains("the archive task stays"));

    assertEquals(
        "NOT_FOUND", errorCode(team.owner(), TASK, Map.of("ws", team.ws(), "id", dropped)));
    assertEquals(
        "Keep the archive",
        ok(team.owner(), TASK, Map.of("ws", team.ws(), "id", kept)).getString("data.task.title"));
    String approved = interrupts.get(0).get("id").asText();
    String rejected = interrupts.get(1).get("id").asText();
    assertEquals("APPLIED", approval(approved).get("state"));
    assertEquals("Yes, a duplicate", approval(approved).get("comment"));
    assertEquals("REJECTED", approval(rejected).get("state"));
    String told = lastRequestMessages();
    assertTrue(told.contains("decided_") && told.contains("applied"), told);
    assertTrue(told.contains("rejected") && told.contains("Keep the archive"), told);
  }

  @Test
  void should_apply_the_edited_arguments_a_person_approves_in_the_chat() {
    String rule = holdTaskCreation();
    try {
      model.enqueue(
          ScriptedModelServer.reply().toolCall("call_1", "create_task", "{\"title\":\"Draft\"}"),
          ScriptedModelServer.reply().text("The task waits for approval."),
          ScriptedModelServer.reply().text("Created."));

      Resumption runs =
          resume(
              AgentRuns.newThread("Add a task", null),
              List.of(Map.of("approved", true, "arguments", Map.of("title", "Final title"))));

      String id = runs.firstEnd().get("interrupts").get(0).get("id").asText();
      assertEquals("APPLIED", approval(id).get("state"));
      assertTrue(((String) approval(id).get("editedArguments")).contains("Final title"));
      assertTrue(runs.second().toolResult("call_1").contains("Final title"));
      assertEquals(1, tasksTitled("Final title"));
      assertEquals(0, tasksTitled("Draft"));
    } finally {
      removeRule(rule);
    }
  }

  @Test
  void should_let_the_offline_model_say_a_change_waits_and_then_that_it_was_made() {
    String rule = holdTaskCreation();
    try {
      Resumption runs =
          resume(
              AgentRuns.newThread("create a task to renew the Globex contract", "offline"),
              List.of(Map.of("approved", true)));

      assertEquals("interrupt", runs.firstEnd().get("outcome").asText());
      assertTrue(runs.first().text().contains("waits for a person's approval"), runs.first()::text);
      assertTrue(
          runs.second().text().startsWith("Created task “Renew the Globex contract”"),
          runs.second()::text);
      assertEquals(1, tasksTitled("Renew the Globex contract"));
    } finally {
      removeRule(rule);
    }
  }

  @Test
  void should_cancel_an_interrupt_the_person_dismisses() {
    String task = Records.task(team.owner(), team.ws(), "Still wanted");
    model.enqueue(
        ScriptedModelServer.reply()
            .toolCall("call_1", "delete_task", "{\"taskId\":\"" + task + "\"}"),
        ScriptedModelServer.reply().text("That waits for approval."),
        ScriptedModelServer.reply().text("Understood, nothing deleted."));

    Resumption runs = resume(AgentRuns.newThread("Delete the task", null), List.of("cancelled"));

    String id = runs.firstEnd().get("interrupts").get(0).get("id").asText();
    assertEquals("CANCELLED", approval(id).get("state"));
    assertTrue(runs.second().toolResult("call_1").contains("\"cancelled\""));
    assertEquals(
        "Still wanted",
        ok(team.owner(), TASK, Map.of("ws", team.ws(), "id", task)).getString("data.task.title"));
  }

  @Test
  void should_tell_the_next_run_what_was_decided_in_the_inbox_and_not_interrupt_again()
      throws Exception {
    String task = Records.task(team.owner(), team.ws(), "Decided elsewhere");
    model.enqueue(
        ScriptedModelServer.reply()
            .toolCall("call_1", "delete_task", "{\"taskId\":\"" + task + "\"}"),
        ScriptedModelServer.reply().text("That waits for approval."),
        ScriptedModelServer.reply().text("It is deleted now."));
    Map<String, Object> input = AgentRuns.newThread("Delete it", null);
    AgUiStream first = AgentRuns.run(team.owner(), team.ws(), "task", input);
    JsonNode finished = first.ofType("RUN_FINISHED").get(0).json();
    String id = finished.get("outcome").get("interrupts").get(0).get("id").asText();

    Approvals.decide(team.member(), team.ws(), id, "APPROVE", null, null);

    Map<String, Object> next =
        AgentRuns.input(
            (String) input.get("threadId"), AgentRuns.newId("run"), "Is it done?", null);
    AgUiStream second;
    try (AgUiStream.Live live =
        AgentRuns.start(team.owner(), AgentRuns.runsPath(team.ws(), "task"), next)) {
      second = live.toEnd(Duration.ofMinutes(2)).verify(first);
    }
    assertTrue(second.toolResult("call_1").contains("\"applied\""), second.toolResult("call_1"));
    assertEquals(
        "success", second.ofType("RUN_FINISHED").get(0).json().get("outcome").get("type").asText());
    assertEquals("NOT_FOUND", errorCode(team.owner(), TASK, Map.of("ws", team.ws(), "id", task)));
    assertEquals("APPLIED", approval(id).get("state"));
  }

  @Test
  void should_refuse_a_resume_that_answers_an_interrupt_of_another_thread() {
    String task = Records.task(team.owner(), team.ws(), "Foreign");
    model.enqueue(
        ScriptedModelServer.reply()
            .toolCall("call_1", "delete_task", "{\"taskId\":\"" + task + "\"}"),
        ScriptedModelServer.reply().text("That waits."));
    AgUiStream held =
        AgentRuns.run(
            team.owner(), team.ws(), "task", AgentRuns.newThread("Delete the task", null));
    String id =
        held.ofType("RUN_FINISHED")
            .get(0)
            .json()
            .get("outcome")
            .get("interrupts")
            .get(0)
            .get("id")
            .asText();
    Map<String, Object> elsewhere = new LinkedHashMap<>(AgentRuns.newThread("Go on", null));
    elsewhere.put(
        "resume",
        List.of(
            Map.of("interruptId", id, "status", "resolved", "payload", Map.of("approved", true))));

    HttpResponse<String> refused =
        AgentRuns.post(team.owner(), AgentRuns.runsPath(team.ws(), "task"), elsewhere);

    assertEquals(400, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("resume[0].interruptId"), refused.body());
    assertEquals("PENDING", approval(id).get("state"));
  }

  private static Resumption resume(Map<String, Object> input, List<Object> answers) {
    return AgUiClient.runAndResume(
        Steward.URL + AgentRuns.runsPath(team.ws(), "task"),
        team.owner(),
        input,
        AgentRuns.newId("run"),
        answers);
  }

  private static Map<String, Object> approval(String id) {
    return Approvals.approval(team.owner(), team.ws(), id);
  }

  private static String lastRequestMessages() {
    List<JsonNode> requests = model.requests();
    return requests.get(requests.size() - 1).get("messages").toString();
  }

  private static int tasksTitled(String title) {
    return ok(
            team.owner(),
            "query($ws: ID!, $q: String) { tasks(workspaceId: $ws, filter: {search: $q}) {"
                + " edges { node { title } } } }",
            Map.of("ws", team.ws(), "q", title))
        .getList("data.tasks.edges.node.title", String.class)
        .stream()
        .filter(title::equals)
        .toList()
        .size();
  }

  /** An own rule that holds every task creation for a person. */
  private static String holdTaskCreation() {
    return Approvals.addRule(
        team.owner(),
        team.ws(),
        Map.of(
            "name",
            "Hold new tasks",
            "priority",
            1,
            "tools",
            List.of("create_task"),
            "decision",
            "APPROVE"));
  }

  private static void removeRule(String id) {
    ok(team.owner(), Approvals.REMOVE_POLICY, Map.of("ws", team.ws(), "id", id));
  }
}
