package io.steward.it;

import static io.steward.it.support.Steward.ACME;
import static io.steward.it.support.Steward.ok;
import static io.steward.it.support.Steward.tokenFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import io.steward.it.support.AgUiStream;
import io.steward.it.support.AgentRuns;
import io.steward.it.support.ScriptedModel;
import io.steward.it.support.ScriptedModelServer;
import io.steward.it.support.Steward;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs over AG-UI through the real LangChain4j OpenAI client, against a scripted OpenAI-compatible
 * server: the exact event sequence, tool calls that change data, reasoning, thread history,
 * provider failures, replay, joining live, cancellation and run history.
 */
class AgentRunIT {

  @RegisterExtension static final ScriptedModel model = new ScriptedModel();
  private static String alice;

  @BeforeAll
  static void signIn() {
    alice = tokenFor("alice");
  }

  @Test
  void should_stream_a_text_answer_as_the_ag_ui_client_expects() throws Exception {
    model.enqueue(ScriptedModelServer.reply().text("Hello", ", ", "Alice", "!").usage(42, 7));
    String runId = AgentRuns.newId("run");
    String threadId = AgentRuns.newId("thread");

    AgUiStream stream =
        AgentRuns.run(alice, ACME, "task", AgentRuns.input(threadId, runId, "Say hello", null));

    assertEquals(
        List.of(
            "RUN_STARTED",
            "STEP_STARTED",
            "STEP_FINISHED",
            "CUSTOM",
            "STEP_STARTED",
            "TEXT_MESSAGE_START",
            "TEXT_MESSAGE_CONTENT",
            "TEXT_MESSAGE_CONTENT",
            "TEXT_MESSAGE_CONTENT",
            "TEXT_MESSAGE_CONTENT",
            "TEXT_MESSAGE_END",
            "STEP_FINISHED",
            "RUN_FINISHED"),
        stream.types());
    assertEquals(threadId, stream.events().get(0).field("threadId"));
    assertEquals(runId, stream.events().get(0).field("runId"));
    assertEquals("Hello, Alice!", stream.text());
    assertEquals("routing", stream.events().get(1).field("stepName"));
    JsonNode runInfo = stream.customEvents("steward.run").get(0);
    assertEquals("task", runInfo.get("agent").asText());
    assertEquals("scripted-model", runInfo.get("model").asText());
    assertFalse(runInfo.get("offline").asBoolean());
    JsonNode finished = stream.last().json();
    assertEquals("success", finished.get("outcome").get("type").asText());
    JsonNode usage = finished.get("usage");
    assertEquals(1, usage.size(), usage::toString);
    assertFalse(usage.get(0).has("provider"), "the installation's model has no provider");
    assertEquals("scripted-model", usage.get(0).get("model").asText());
    assertEquals(42, usage.get(0).get("inputTokens").asInt());
    assertEquals(7, usage.get(0).get("outputTokens").asInt());
    assertEquals(49, usage.get(0).get("totalTokens").asInt());
    for (int i = 0; i < stream.events().size(); i++) {
      assertEquals(String.valueOf(i + 1), stream.events().get(i).id(), "SSE ids count from 1");
    }

    JsonNode sent = model.requests().get(0);
    assertTrue(sent.get("stream").asBoolean());
    List<String> tools =
        StreamSupport.stream(sent.get("tools").spliterator(), false)
            .map(tool -> tool.get("function").get("name").asText())
            .toList();
    assertTrue(
        tools.containsAll(List.of("list_tasks", "create_task", "show_block")), tools::toString);
    JsonNode messages = sent.get("messages");
    assertEquals("system", messages.get(0).get("role").asText());
    assertEquals("Say hello", messages.get(messages.size() - 1).get("content").asText());

    JsonPath run =
        AgentRuns.stored(
            alice, ACME, runId, "status agent model inputTokens outputTokens eventCount");
    assertEquals("SUCCEEDED", run.getString("data.agentRun.status"));
    assertEquals(42, run.getInt("data.agentRun.inputTokens"));
    assertEquals(stream.events().size(), run.getInt("data.agentRun.eventCount"));
  }

  @Test
  void should_change_the_data_with_a_tool_call_whose_arguments_are_split_across_chunks()
      throws Exception {
    String title = "Call Globex " + AgentRuns.newId("t");
    model.enqueue(
        ScriptedModelServer.reply()
            .text("Creating it.")
            .toolCall(
                "call_create",
                "create_task",
                "{\"title\":\"" + title + "\",\"priority\":\"high\",\"dueDate\":\"2031-05-04\"}"),
        ScriptedModelServer.reply().text("Done: ", "created the task."));

    AgUiStream stream =
        AgentRuns.run(alice, ACME, "task", AgentRuns.newThread("Create a task", null));

    assertTrue(stream.ofType("TOOL_CALL_ARGS").size() > 1, "arguments arrive in pieces");
    assertEquals(
        "{\"title\":\"" + title + "\",\"priority\":\"high\",\"dueDate\":\"2031-05-04\"}",
        stream.toolCalls().get("create_task"));
    String parent = stream.ofType("TOOL_CALL_START").get(0).field("parentMessageId");
    assertEquals(stream.ofType("TEXT_MESSAGE_START").get(0).field("messageId"), parent);
    String result = stream.toolResult("call_create");
    assertTrue(result.contains("\"title\":\"" + title + "\""), result);
    JsonNode block = stream.customEvents("steward.block").get(0);
    assertEquals("entity_ref", block.get("type").asText());
    assertEquals("task", block.get("entityType").asText());
    assertEquals(title, block.get("label").asText());
    assertTrue(stream.text().endsWith("Done: created the task."));

    JsonPath tasks =
        ok(
            alice,
            "query($ws: ID!, $q: String) { tasks(workspaceId: $ws, filter: {search: $q}) {"
                + " edges { node { id title priority dueDate } } } }",
            Map.of("ws", ACME, "q", title));
    assertEquals(title, tasks.getString("data.tasks.edges[0].node.title"));
    assertEquals("HIGH", tasks.getString("data.tasks.edges[0].node.priority"));
    assertEquals(block.get("id").asText(), tasks.getString("data.tasks.edges[0].node.id"));

    // The second model call saw the tool's result under the call's id.
    JsonNode second = model.requests().get(1).get("messages");
    JsonNode toolMessage = second.get(second.size() - 1);
    assertEquals("tool", toolMessage.get("role").asText());
    assertEquals("call_create", toolMessage.get("tool_call_id").asText());

    JsonPath audit =
        ok(
            alice,
            "query($ws: ID!) { auditLog(workspaceId: $ws, first: 5) { edges { node {"
                + " action actorName agent targetId } } } }",
            Map.of("ws", ACME));
    List<Map<String, Object>> entries = audit.getList("data.auditLog.edges.node");
    Map<String, Object> created =
        entries.stream()
            .filter(entry -> block.get("id").asText().equals(entry.get("targetId")))
            .findFirst()
            .orElseThrow();
    assertEquals("task.created", created.get("action"));
    assertEquals("alice", created.get("actorName"));
    assertEquals("task", created.get("agent"));
  }

  @Test
  void should_stream_reasoning_as_reasoning_events() {
    model.enqueue(
        ScriptedModelServer.reply().reasoning("The user ", "wants a greeting.").text("Hi!"));

    AgUiStream stream = AgentRuns.run(alice, ACME, "task", AgentRuns.newThread("Hi", null));

    List<String> types = stream.types();
    int start = types.indexOf("REASONING_START");
    assertTrue(start > 0, types::toString);
    assertEquals(
        List.of(
            "REASONING_START",
            "REASONING_MESSAGE_START",
            "REASONING_MESSAGE_CONTENT",
            "REASONING_MESSAGE_CONTENT",
            "REASONING_MESSAGE_END",
            "REASONING_END",
            "TEXT_MESSAGE_START"),
        types.subList(start, start + 7));
    assertEquals("reasoning", stream.ofType("REASONING_MESSAGE_START").get(0).field("role"));
    assertEquals("Hi!", stream.text());
  }

  @Test
  void should_continue_a_thread_with_its_history() throws Exception {
    String threadId = AgentRuns.newId("thread");
    model.enqueue(ScriptedModelServer.reply().text("Noted: blue."));
    AgentRuns.run(
        alice,
        ACME,
        "note",
        AgentRuns.input(threadId, AgentRuns.newId("run"), "My favourite colour is blue", null));
    model.enqueue(ScriptedModelServer.reply().text("Blue."));

    AgentRuns.run(
        alice,
        ACME,
        "note",
        AgentRuns.input(threadId, AgentRuns.newId("run"), "What is my favourite colour?", null));

    JsonNode messages = model.requests().get(1).get("messages");
    List<String> contents =
        StreamSupport.stream(messages.spliterator(), false)
            .filter(message -> !message.get("role").asText().equals("system"))
            .map(message -> message.get("role").asText() + ": " + message.get("content").asText())
            .toList();
    assertEquals(
        List.of(
            "user: My favourite colour is blue",
            "assistant: Noted: blue.",
            "user: What is my favourite colour?"),
        contents);

    // Another person cannot continue someone else's thread.
    HttpResponse<String> bob =
        AgentRuns.post(
            tokenFor("bob"),
            AgentRuns.runsPath(ACME, "note"),
            AgentRuns.input(threadId, AgentRuns.newId("run"), "And mine?", null));
    assertEquals(403, bob.statusCode(), bob.body());
  }

  @Test
  void should_end_the_run_with_a_safe_error_when_the_provider_fails() {
    // The first try and every retry fail.
    for (int attempt = 0; attempt < 4; attempt++) {
      model.enqueue(ScriptedModelServer.failWith(503, "upstream secret detail xyz"));
    }
    AgUiStream unavailable = runTask("Anything");
    JsonNode error = unavailable.last().json();
    assertEquals("RUN_ERROR", error.get("type").asText());
    assertEquals("MODEL_UNAVAILABLE", error.get("code").asText());
    assertFalse(unavailable.raw().contains("xyz"), "no provider text reaches the client");

    model.enqueue(ScriptedModelServer.reply().text("Hel").stallAfter(1, Duration.ofSeconds(20)));
    AgUiStream stalled = runTask("Anything");
    assertEquals("MODEL_TIMEOUT", stalled.last().json().get("code").asText());

    model.enqueue(ScriptedModelServer.reply().text("a", "b", "c").disconnectAfter(2));
    AgUiStream cut = runTask("Anything");
    assertEquals("RUN_ERROR", cut.last().type());
    assertFalse(cut.raw().contains("Exception"), cut.raw());
  }

  @Test
  void should_give_a_reconnecting_client_the_missed_events_once() throws Exception {
    model.enqueue(
        ScriptedModelServer.reply()
            .text("one ", "two ", "three ", "four ", "five ", "six")
            .delayBeforeEachChunk(Duration.ofMillis(300)));
    String runId = AgentRuns.newId("run");
    AgUiStream.Live first =
        AgentRuns.start(
            alice,
            AgentRuns.runsPath(ACME, "task"),
            AgentRuns.input(AgentRuns.newId("thread"), runId, "Count", null));
    first.nextOfType("TEXT_MESSAGE_CONTENT", Duration.ofSeconds(10));
    first.close();
    String lastSeen = first.soFar().lastId();
    assertNotNull(lastSeen);

    AgUiStream rest;
    try (AgUiStream.Live resumed = AgentRuns.join(alice, ACME, runId, lastSeen)) {
      rest = resumed.toEnd(Duration.ofSeconds(20));
    }
    assertEquals(Integer.parseInt(lastSeen) + 1, Integer.parseInt(rest.events().get(0).id()));
    assertEquals("RUN_FINISHED", rest.last().type());

    AgUiStream whole = AgUiStream.parse(AgentRuns.joinResponse(alice, ACME, runId).body()).verify();
    assertEquals("one two three four five six", whole.text());
    List<String> seen = new java.util.ArrayList<>();
    first.soFar().events().forEach(event -> seen.add(event.id() + event.json()));
    rest.events().forEach(event -> seen.add(event.id() + event.json()));
    List<String> all = whole.events().stream().map(event -> event.id() + event.json()).toList();
    assertEquals(all, seen, "the two connections together saw every event exactly once");
  }

  @Test
  void should_hold_up_neither_its_run_nor_others_when_a_client_stops_reading() throws Exception {
    // About 8 MB of events: far more than the connection's buffers take from a client not reading.
    String[] chunks = new String[800];
    Arrays.fill(chunks, "x".repeat(10_000));
    model.enqueue(ScriptedModelServer.reply().text(chunks));
    String slowRun = AgentRuns.newId("run");
    HttpResponse<InputStream> slow =
        AgentRuns.open(
            alice,
            AgentRuns.runsPath(ACME, "task"),
            AgentRuns.input(AgentRuns.newId("thread"), slowRun, "Write a lot", null));
    model.awaitRequests(1, Duration.ofSeconds(10));
    model.enqueue(ScriptedModelServer.reply().text("Quick answer."));

    AgUiStream other = runTask("Meanwhile");
    assertEquals("Quick answer.", other.text());
    assertEquals("SUCCEEDED", statusOf(slowRun, Duration.ofSeconds(30)));

    String body;
    try (InputStream in = slow.body()) {
      body = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    AgUiStream late = AgUiStream.parse(body).verify();
    assertEquals(800, late.ofType("TEXT_MESSAGE_CONTENT").size());
    assertEquals("RUN_FINISHED", late.last().type());
  }

  /** The run's status once it is no longer running (or the last seen, after the wait). */
  private static String statusOf(String runId, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    String status;
    do {
      status = AgentRuns.stored(alice, ACME, runId, "status").getString("data.agentRun.status");
      if (!status.equals("RUNNING")) {
        return status;
      }
      Thread.sleep(200);
    } while (System.nanoTime() < deadline);
    return status;
  }

  @Test
  void should_finish_a_cancelled_run_with_outcome_cancelled() throws Exception {
    model.enqueue(
        ScriptedModelServer.reply()
            .text("a ", "b ", "c ", "d ", "e ", "f ", "g ", "h ", "i ", "j")
            .delayBeforeEachChunk(Duration.ofMillis(400)));
    String runId = AgentRuns.newId("run");
    AgUiStream stream;
    try (AgUiStream.Live live =
        AgentRuns.start(
            alice,
            AgentRuns.runsPath(ACME, "task"),
            AgentRuns.input(AgentRuns.newId("thread"), runId, "Go slowly", null))) {
      live.nextOfType("TEXT_MESSAGE_CONTENT", Duration.ofSeconds(10));
      Steward.as(alice)
          .post("/api/workspaces/" + ACME + "/runs/" + runId + "/cancel")
          .then()
          .statusCode(202);
      stream = live.toEnd(Duration.ofSeconds(10)).verify();
    }
    JsonNode finished = stream.last().json();
    assertEquals("RUN_FINISHED", stream.last().type());
    assertEquals("cancelled", finished.get("outcome").get("type").asText());
    assertTrue(stream.ofType("TEXT_MESSAGE_CONTENT").size() < 10);
    assertEquals("CANCELLED", statusOf(runId, Duration.ofSeconds(10)));
    Steward.as(alice)
        .post("/api/workspaces/" + ACME + "/runs/" + runId + "/cancel")
        .then()
        .statusCode(409);
  }

  @Test
  void should_check_blocks_and_let_them_point_only_at_records_the_runs_tools_returned() {
    model.enqueue(
        ScriptedModelServer.reply()
            .toolCall(
                "call_chart",
                "show_block",
                "{\"block\":{\"type\":\"chart\",\"chartType\":\"bar\",\"title\":\"Deals\","
                    + "\"data\":[{\"stage\":\"won\",\"value\":3}],"
                    + "\"config\":{\"value\":{\"label\":\"Deals\"}}}}")
            .toolCall(
                "call_bad_chart",
                "show_block",
                "{\"block\":{\"type\":\"chart\",\"chartType\":\"donut\",\"data\":[]}}")
            .toolCall(
                "call_made_up",
                "show_block",
                "{\"block\":{\"type\":\"entity_ref\",\"entityType\":\"task\","
                    + "\"id\":\"00000000-0000-4000-8000-00000000abcd\"}}"),
        ScriptedModelServer.reply().text("Here you go."));

    AgUiStream stream = runTask("Show me a chart");

    List<JsonNode> blocks = stream.customEvents("steward.block");
    assertEquals(1, blocks.size(), blocks::toString);
    assertEquals("chart", blocks.get(0).get("type").asText());
    assertTrue(stream.toolResult("call_chart").contains("\"shown\":true"));
    assertTrue(stream.toolResult("call_bad_chart").contains("\"shown\":false"));
    assertTrue(stream.toolResult("call_made_up").contains("\"shown\":false"));
    assertEquals("RUN_FINISHED", stream.last().type());
  }

  @Test
  void should_list_runs_per_thread_with_their_events() {
    String threadId = AgentRuns.newId("thread");
    model.enqueue(
        ScriptedModelServer.reply().text("First."), ScriptedModelServer.reply().text("Second."));
    String firstRun = AgentRuns.newId("run");
    AgUiStream first =
        AgentRuns.run(alice, ACME, "project", AgentRuns.input(threadId, firstRun, "One", null));
    AgentRuns.run(
        alice, ACME, "project", AgentRuns.input(threadId, AgentRuns.newId("run"), "Two", null));

    JsonPath runs =
        ok(
            alice,
            "query($ws: ID!, $thread: ID) { agentRuns(workspaceId: $ws, threadId: $thread) {"
                + " totalCount edges { node { runId agent status } } } }",
            Map.of("ws", ACME, "thread", threadId));
    assertEquals(2, runs.getInt("data.agentRuns.totalCount"));
    assertEquals(firstRun, runs.getString("data.agentRuns.edges[1].node.runId"));
    assertEquals("project", runs.getString("data.agentRuns.edges[1].node.agent"));

    JsonPath events =
        ok(
            alice,
            "query($ws: ID!, $run: ID!) { agentRunEvents(workspaceId: $ws, runId: $run, after: 2) {"
                + " sequence type json } }",
            Map.of("ws", ACME, "run", firstRun));
    assertEquals(first.events().size() - 2, events.getList("data.agentRunEvents").size());
    assertEquals(3, events.getInt("data.agentRunEvents[0].sequence"));
    assertEquals(first.events().get(2).type(), events.getString("data.agentRunEvents[0].type"));

    // A member sees their own runs only; the owner sees everyone's.
    JsonPath bobs =
        ok(
            tokenFor("bob"),
            "query($ws: ID!, $thread: ID) { agentRuns(workspaceId: $ws, threadId: $thread) {"
                + " totalCount } }",
            Map.of("ws", ACME, "thread", threadId));
    assertEquals(0, bobs.getInt("data.agentRuns.totalCount"));
  }

  @Test
  void should_list_agents_with_their_skills() {
    JsonPath agents =
        ok(
            tokenFor("carol"),
            "query($ws: ID!) { agents(workspaceId: $ws) { name skills { name changesData } } }",
            Map.of("ws", ACME));
    assertEquals(
        List.of("checkpoint", "crm", "note", "project", "task"),
        agents.getList("data.agents.name"));
    List<Map<String, Object>> taskSkills = agents.getList("data.agents[4].skills");
    assertTrue(
        taskSkills.contains(Map.of("name", "create_task", "changesData", true)),
        taskSkills::toString);
    assertTrue(
        taskSkills.contains(Map.of("name", "list_tasks", "changesData", false)),
        taskSkills::toString);
    assertTrue(
        taskSkills.contains(Map.of("name", "knowledge_search", "changesData", false)),
        "every agent searches the knowledge base");
  }

  @Test
  void should_refuse_bad_run_requests_before_streaming() {
    String path = AgentRuns.runsPath(ACME, "task");
    Steward.as(null)
        .contentType("application/json")
        .body(input("Hi"))
        .post(path)
        .then()
        .statusCode(401);
    Map<String, Object> noThread = AgentRuns.input(null, AgentRuns.newId("run"), "Hi", null);
    noThread.remove("threadId");
    assertProblem(AgentRuns.post(alice, path, noThread), 400, "VALIDATION");
    assertProblem(
        AgentRuns.post(alice, AgentRuns.runsPath(ACME, "nobody"), input("Hi")), 404, "NOT_FOUND");
    assertProblem(
        AgentRuns.post(alice, path, AgentRuns.newThread("Hi", "gpt-9")), 400, "VALIDATION");
    assertProblem(AgentRuns.post(alice, path, "not an object"), 400, "VALIDATION");

    model.enqueue(ScriptedModelServer.reply().text("Once."));
    Map<String, Object> once = input("Hi");
    AgentRuns.run(alice, ACME, "task", once);
    assertProblem(AgentRuns.post(alice, path, once), 409, "CONFLICT");
  }

  @Test
  void
      should_start_one_run_for_requests_racing_with_one_new_run_id_and_refuse_the_others_as_conflicts()
          throws Exception {
    model.enqueue(ScriptedModelServer.reply().text("Only once."));
    Map<String, Object> input = input("Race");
    int racers = 8;
    CountDownLatch ready = new CountDownLatch(racers);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < racers; i++) {
        answers.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return AgentRuns.post(alice, AgentRuns.runsPath(ACME, "task"), input);
                }));
      }
      ready.await();
      go.countDown();
      List<HttpResponse<String>> streams = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
        if (response.statusCode() == 200) {
          streams.add(response);
        } else {
          assertProblem(response, 409, "CONFLICT");
        }
      }
      assertEquals(1, streams.size(), "exactly one request starts the run");
      AgUiStream run = AgUiStream.parse(streams.get(0).body()).verify();
      assertEquals("Only once.", run.text());
    } finally {
      pool.shutdownNow();
    }
    assertEquals("SUCCEEDED", statusOf((String) input.get("runId"), Duration.ofSeconds(10)));
  }

  private static Map<String, Object> input(String text) {
    return AgentRuns.newThread(text, null);
  }

  private static AgUiStream runTask(String text) {
    return AgentRuns.run(alice, ACME, "task", input(text));
  }

  private static void assertProblem(HttpResponse<String> response, int status, String code) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals(
        "application/problem+json",
        response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip());
    assertTrue(response.body().contains("\"" + code + "\""), response.body());
  }
}
