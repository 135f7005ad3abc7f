package io.steward.it;

import static io.steward.it.support.ModelProviders.ADD;
import static io.steward.it.support.ModelProviders.AGENT_SETTINGS;
import static io.steward.it.support.ModelProviders.addAnthropicProvider;
import static io.steward.it.support.ModelProviders.addProvider;
import static io.steward.it.support.ModelProviders.newKey;
import static io.steward.it.support.ModelProviders.providerInput;
import static io.steward.it.support.ModelProviders.useByDefault;
import static io.steward.it.support.Steward.errorCode;
import static io.steward.it.support.Steward.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import io.steward.it.support.AgUiStream;
import io.steward.it.support.AgentRuns;
import io.steward.it.support.Records.Team;
import io.steward.it.support.ScriptedModel;
import io.steward.it.support.ScriptedModelServer;
import io.steward.it.support.Steward;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bring your own AI: a workspace's providers with keys that never come back out, the settings that
 * pick models and shape agents, budgets, usage and retries, all against the scripted
 * OpenAI-compatible server standing in for the workspace's provider.
 */
class ModelProviderIT {

  private static final String USAGE =
      "query($ws: ID!, $from: Date!, $to: Date!) { modelUsage(workspaceId: $ws, from: $from,"
          + " to: $to) { total { inputTokens outputTokens totalTokens calls }"
          + " byModel { key totalTokens } byAgent { key inputTokens outputTokens calls }"
          + " byUser { key calls } monthlyTokenBudget usedThisMonth } }";

  @RegisterExtension static final ScriptedModel model = new ScriptedModel();

  @Test
  void should_let_admins_manage_providers_whose_keys_never_come_back() throws Exception {
    Team team = Team.create("Providers");
    String key = newKey();
    Map<String, Object> input =
        providerInput("House", "OPENAI_COMPATIBLE", model.baseUrl(), "house-model", key);
    Map<String, Object> variables = Map.of("ws", team.ws(), "in", input);

    assertEquals("FORBIDDEN", errorCode(team.member(), ADD, variables));
    JsonPath added = ok(team.owner(), ADD, variables);
    String id = added.getString("data.addModelProvider.id");
    assertEquals(
        "…" + key.substring(key.length() - 4), added.getString("data.addModelProvider.apiKey"));
    assertFalse(added.prettify().contains(key));
    assertEquals("CONFLICT", errorCode(team.owner(), ADD, variables), "names are unique");

    Map<String, Object> bad = new HashMap<>(input);
    bad.put("name", "Elsewhere");
    bad.put("baseUrl", "ftp://example.com");
    assertEquals("VALIDATION", errorCode(team.owner(), ADD, Map.of("ws", team.ws(), "in", bad)));
    bad.put("kind", "OPENAI");
    bad.put("baseUrl", null);
    bad.put("apiKey", null);
    assertEquals("VALIDATION", errorCode(team.owner(), ADD, Map.of("ws", team.ws(), "in", bad)));

    String list = "query($ws: ID!) { modelProviders(workspaceId: $ws) { id name apiKey version } }";
    assertEquals("FORBIDDEN", errorCode(team.member(), list, Map.of("ws", team.ws())));
    JsonPath listed = ok(team.owner(), list, Map.of("ws", team.ws()));
    assertEquals(List.of(id), listed.getList("data.modelProviders.id"));
    assertFalse(listed.prettify().contains(key));

    String newKey = newKey();
    JsonPath changed =
        ok(
            team.owner(),
            "mutation($ws: ID!, $id: ID!, $c: ModelProviderChanges!) {"
                + " updateModelProvider(workspaceId: $ws, id: $id, version: 0, changes: $c) {"
                + " name apiKey version } }",
            Map.of("ws", team.ws(), "id", id, "c", Map.of("name", "House AI", "apiKey", newKey)));
    assertEquals("House AI", changed.getString("data.updateModelProvider.name"));
    assertEquals(
        "…" + newKey.substring(newKey.length() - 4),
        changed.getString("data.updateModelProvider.apiKey"));

    model.enqueue(ScriptedModelServer.reply().text("OK"));
    String test =
        "mutation($ws: ID!, $id: ID!) { testModelProvider(workspaceId: $ws, id: $id) {"
            + " ok code message } }";
    JsonPath tested = ok(team.owner(), test, Map.of("ws", team.ws(), "id", id));
    assertTrue(tested.getBoolean("data.testModelProvider.ok"), tested.prettify());
    assertEquals("Bearer " + newKey, model.authorizations().get(0), "the key, decrypted, is used");
    model.enqueue(ScriptedModelServer.failWith(401, "Incorrect API key provided: sk-it-…"));
    JsonPath refused = ok(team.owner(), test, Map.of("ws", team.ws(), "id", id));
    assertFalse(refused.getBoolean("data.testModelProvider.ok"));
    assertEquals("MODEL_AUTHENTICATION", refused.getString("data.testModelProvider.code"));
    assertFalse(refused.prettify().contains("Incorrect"), "provider text stays on the server");

    String log =
        Files.readString(
            Path.of(
                System.getenv("STEWARD_DATA"),
                "payara",
                "domains",
                "steward",
                "logs",
                "server.log"));
    assertFalse(log.contains(key) || log.contains(newKey), "keys are never logged");

    String remove =
        "mutation($ws: ID!, $id: ID!) { removeModelProvider(workspaceId: $ws, id: $id) }";
    assertEquals("FORBIDDEN", errorCode(team.member(), remove, Map.of("ws", team.ws(), "id", id)));
    assertTrue(
        ok(team.owner(), remove, Map.of("ws", team.ws(), "id", id))
            .getBoolean("data.removeModelProvider"));
    assertEquals(
        List.of(), ok(team.owner(), list, Map.of("ws", team.ws())).getList("data.modelProviders"));
  }

  @Test
  void should_run_with_the_workspace_provider_and_the_agent_settings() throws Exception {
    Team team = Team.create("Provider runs");
    String key = newKey();
    String provider = addProvider(team, "House", key, model.baseUrl());
    useByDefault(team, provider, null, false);

    model.enqueue(ScriptedModelServer.reply().text("From the house model.").usage(20, 5));
    AgUiStream stream = runAs(team.member(), team.ws(), "task", "Hello", null);
    assertEquals("From the house model.", stream.text());
    JsonNode run = stream.customEvents("steward.run").get(0);
    assertEquals("House/house-model", run.get("model").asText());
    assertEquals("Bearer " + key, model.authorizations().get(0));
    assertEquals("house-model", model.requests().get(0).get("model").asText());

    String instructions = "Always sign off as the Steward of " + team.ws();
    JsonPath settings =
        ok(
            team.owner(),
            AGENT_SETTINGS,
            Map.of(
                "ws",
                team.ws(),
                "agent",
                "task",
                "s",
                Map.of(
                    "providerId",
                    provider,
                    "model",
                    "bigger-model",
                    "disabledTools",
                    List.of("delete_task"),
                    "instructions",
                    instructions)));
    assertEquals(
        List.of("delete_task"), settings.getList("data.updateAgentSettings.disabledTools"));
    assertEquals(
        "FORBIDDEN",
        errorCode(
            team.member(),
            "query($ws: ID!) { aiSettings(workspaceId: $ws) { agents { instructions } } }",
            Map.of("ws", team.ws())),
        "members never see the instructions");
    assertEquals(
        "VALIDATION",
        errorCode(
            team.owner(),
            AGENT_SETTINGS,
            Map.of(
                "ws", team.ws(), "agent", "task", "s", Map.of("disabledTools", List.of("fly")))));

    model.enqueue(ScriptedModelServer.reply().text("Done.").usage(30, 6));
    AgUiStream shaped = runAs(team.member(), team.ws(), "task", "Hello again", null);
    assertEquals(
        "House/bigger-model", shaped.customEvents("steward.run").get(0).get("model").asText());
    JsonNode request = model.requests().get(1);
    assertEquals("bigger-model", request.get("model").asText());
    List<String> tools = new ArrayList<>();
    request.get("tools").forEach(tool -> tools.add(tool.get("function").get("name").asText()));
    assertTrue(tools.contains("create_task"), tools.toString());
    assertFalse(tools.contains("delete_task"), "switched off");
    assertTrue(request.get("messages").get(0).get("content").asText().contains(instructions));
    assertFalse(shaped.raw().contains(instructions), "instructions never reach the client");

    // Choosing a model per run: admins may, members only once the workspace allows it.
    HttpResponse<String> refused =
        AgentRuns.post(
            team.member(),
            AgentRuns.runsPath(team.ws(), "note"),
            AgentRuns.newThread("Hi", "House/other"));
    assertEquals(403, refused.statusCode(), refused.body());
    model.enqueue(ScriptedModelServer.reply().text("Other."));
    AgUiStream chosen = runAs(team.owner(), team.ws(), "note", "Hi", "House/other");
    assertEquals("House/other", chosen.customEvents("steward.run").get(0).get("model").asText());
    assertEquals("other", model.requests().get(2).get("model").asText());
    HttpResponse<String> unknown =
        AgentRuns.post(
            team.owner(),
            AgentRuns.runsPath(team.ws(), "note"),
            AgentRuns.newThread("Hi", "Nobody"));
    assertEquals(400, unknown.statusCode(), unknown.body());
  }

  @Test
  void should_record_usage_per_call_and_stop_runs_over_budget() throws Exception {
    Team team = Team.create("Budgets");
    String provider = addProvider(team, "House", newKey(), model.baseUrl());
    useByDefault(team, provider, null, false);
    String threadId = AgentRuns.newId("thread");

    // A tool call and the answer after it: two model calls, 100 + 50 tokens reported.
    model.enqueue(
        ScriptedModelServer.reply().toolCall("call-1", "list_tasks", "{}").usage(60, 40),
        ScriptedModelServer.reply().text("Nothing is open.").usage(40, 10));
    AgUiStream first =
        AgentRuns.run(
            team.member(),
            team.ws(),
            "task",
            AgentRuns.input(threadId, AgentRuns.newId("run"), "What is open?", null));
    JsonNode usage = first.last().json().get("usage");
    assertEquals(1, usage.size(), "one entry for the one provider and model: " + usage);
    assertEquals("House", usage.get(0).get("provider").asText());
    assertEquals("house-model", usage.get(0).get("model").asText());
    assertEquals(100, usage.get(0).get("inputTokens").asInt());
    assertEquals(50, usage.get(0).get("outputTokens").asInt());

    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Map<String, Object> period =
        Map.of(
            "ws",
            team.ws(),
            "from",
            today.minusDays(1).toString(),
            "to",
            today.plusDays(1).toString());
    assertEquals("FORBIDDEN", errorCode(team.member(), USAGE, period));
    JsonPath report = ok(team.owner(), USAGE, period);
    assertEquals(100, report.getInt("data.modelUsage.total.inputTokens"));
    assertEquals(50, report.getInt("data.modelUsage.total.outputTokens"));
    assertEquals(2, report.getInt("data.modelUsage.total.calls"));
    assertEquals("House/house-model", report.getString("data.modelUsage.byModel[0].key"));
    assertEquals("task", report.getString("data.modelUsage.byAgent[0].key"));
    assertEquals(Steward.userId("erin"), report.getString("data.modelUsage.byUser[0].key"));
    assertEquals(150, report.getInt("data.modelUsage.usedThisMonth"));

    // A budget the next answer uses up: that run still finishes, the one after is refused.
    useByDefault(team, provider, 200L, false);
    model.enqueue(ScriptedModelServer.reply().text("Still nothing.").usage(45, 10));
    AgUiStream second =
        AgentRuns.run(
            team.member(),
            team.ws(),
            "task",
            AgentRuns.input(threadId, AgentRuns.newId("run"), "And now?", null));
    assertEquals("RUN_FINISHED", second.last().type());
    AgUiStream refused =
        AgentRuns.run(
            team.member(),
            team.ws(),
            "task",
            AgentRuns.input(threadId, AgentRuns.newId("run"), "And now?", null));
    assertEquals("RUN_ERROR", refused.last().type());
    assertEquals("QUOTA_EXCEEDED", refused.last().field("code"));
    assertFalse(refused.last().json().has("usage"), "a run refused before any call used nothing");
    assertEquals(3, model.requests().size(), "the refused run never reached the provider");
    JsonPath after = ok(team.owner(), USAGE, period);
    assertEquals(205, after.getInt("data.modelUsage.usedThisMonth"));
    assertEquals(200, after.getInt("data.modelUsage.monthlyTokenBudget"));

    // A provider that reports no usage is estimated, not counted as free.
    useByDefault(team, provider, null, false);
    model.enqueue(
        ScriptedModelServer.reply()
            .text("An answer of some length, without usage.")
            .withoutUsage());
    AgUiStream estimated =
        AgentRuns.run(
            team.member(),
            team.ws(),
            "task",
            AgentRuns.input(threadId, AgentRuns.newId("run"), "Estimate", null));
    assertTrue(estimated.last().json().at("/usage/0/outputTokens").asInt() > 0);
    assertTrue(ok(team.owner(), USAGE, period).getInt("data.modelUsage.usedThisMonth") > 205);

    // An agent's own budget caps that agent only.
    ok(
        team.owner(),
        AGENT_SETTINGS,
        Map.of("ws", team.ws(), "agent", "note", "s", Map.of("monthlyTokenBudget", 10)));
    model.enqueue(ScriptedModelServer.reply().text("Noted.").usage(8, 4));
    assertEquals(
        "RUN_FINISHED", runAs(team.member(), team.ws(), "note", "Note this", null).last().type());
    AgUiStream capped = runAs(team.member(), team.ws(), "note", "And this", null);
    assertEquals("QUOTA_EXCEEDED", capped.last().field("code"));
    model.enqueue(ScriptedModelServer.reply().text("Tasks are fine."));
    assertEquals("Tasks are fine.", runAs(team.member(), team.ws(), "task", "Tasks?", null).text());
  }

  @Test
  void should_run_anthropic_providers_through_the_messages_api() throws Exception {
    Team team = Team.create("Anthropic");
    String key = newKey();
    String provider = addAnthropicProvider(team, key, model.baseUrl());
    useByDefault(team, provider, null, false);

    model.enqueue(
        ScriptedModelServer.reply()
            .reasoning("The person ", "wants tasks.")
            .toolCall("toolu_1", "list_tasks", "{}")
            .usage(25, 9),
        ScriptedModelServer.reply().text("You have ", "no open tasks.").usage(40, 6));
    AgUiStream stream = runAs(team.member(), team.ws(), "task", "What is open?", null);

    assertEquals("You have no open tasks.", stream.text());
    assertFalse(stream.ofType("REASONING_MESSAGE_CONTENT").isEmpty());
    assertEquals("{}", stream.toolCalls().get("list_tasks"), stream.raw());
    assertTrue(stream.toolResults().get("list_tasks").contains("totalCount"), stream.raw());
    assertEquals("Claude", stream.last().json().at("/usage/0/provider").asText());
    assertEquals("claude-scripted", stream.last().json().at("/usage/0/model").asText());
    assertEquals(65, stream.last().json().at("/usage/0/inputTokens").asInt());
    assertEquals(15, stream.last().json().at("/usage/0/outputTokens").asInt());
    assertEquals("x-api-key " + key, model.authorizations().get(0));
    JsonNode first = model.requests().get(0);
    assertEquals("claude-scripted", first.get("model").asText());
    assertTrue(first.get("system").toString().contains("task agent"), first.toString());
    assertTrue(
        model.requests().get(1).get("messages").toString().contains("tool_result"),
        "the tool's result goes back as Anthropic expects");

    model.enqueue(ScriptedModelServer.failWith(401, "invalid x-api-key"));
    JsonPath refused =
        ok(
            team.owner(),
            "mutation($ws: ID!, $id: ID!) { testModelProvider(workspaceId: $ws, id: $id) {"
                + " ok code } }",
            Map.of("ws", team.ws(), "id", provider));
    assertEquals("MODEL_AUTHENTICATION", refused.getString("data.testModelProvider.code"));
  }

  @Test
  void should_retry_transient_provider_failures() throws Exception {
    Team team = Team.create("Retries");
    String provider = addProvider(team, "House", newKey(), model.baseUrl());
    useByDefault(team, provider, null, false);
    model.enqueue(
        ScriptedModelServer.failWith(429, "slow down"),
        ScriptedModelServer.failWith(503, "overloaded"),
        ScriptedModelServer.reply().text("Third time lucky.").usage(10, 4));
    AgUiStream stream = runAs(team.member(), team.ws(), "task", "Try", null);
    assertEquals("Third time lucky.", stream.text());
    assertEquals("RUN_FINISHED", stream.last().type());
    assertEquals(3, model.requests().size());

    model.enqueue(ScriptedModelServer.failWith(400, "bad request"));
    AgUiStream rejected = runAs(team.member(), team.ws(), "task", "Try", null);
    assertEquals("MODEL_ERROR", rejected.last().field("code"));
    assertEquals(4, model.requests().size(), "a request the provider rejects is not repeated");
  }

  private static AgUiStream runAs(
      String token, String ws, String agent, String text, String chosen) {
    return AgentRuns.run(token, ws, agent, AgentRuns.newThread(text, chosen));
  }
}
