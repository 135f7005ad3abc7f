package io.steward.it;

import static io.steward.it.support.Steward.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.steward.it.support.AgUiStream;
import io.steward.it.support.AgentRuns;
import io.steward.it.support.ModelProviders;
import io.steward.it.support.Records.Team;
import io.steward.it.support.ScriptedModel;
import io.steward.it.support.ScriptedModelServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every run the suite makes goes through the real {@code @ag-ui/client} ({@link AgentRuns#run},
 * {@link AgentRuns#start}), which must accept it. The kinds of run, and where they are made:
 *
 * <ul>
 *   <li>success with text, tool calls, reasoning and blocks ({@code CUSTOM}; {@code steward.run} is
 *       in every run): {@code AgentRunIT}, {@code AgentToolsIT}, {@code OfflineModelIT}, the
 *       Anthropic run of {@code ModelProviderIT};
 *   <li>pipeline, playbook and plan mode: {@code OrchestratorIT} ({@code TenantIsolationIT} plans
 *       too);
 *   <li>model errors ({@code RUN_ERROR}): {@code AgentRunIT} (unavailable, timeout, cut off) and
 *       {@code ModelProviderIT} (rejected after retries);
 *   <li>budget exhausted: before the first call in {@code ModelProviderIT}, mid-run here;
 *   <li>cancelled: {@code AgentRunIT}, on a live stream;
 *   <li>usage of several providers and models in one run: here.
 * </ul>
 *
 * <p>The back-pressure test ({@code
 * should_hold_up_neither_its_run_nor_others_when_a_client_stops_reading}) leaves its connection
 * unread on purpose and is plain HTTP; joins and replays ({@code GET …/events}) are what an {@code
 * EventSource} reads, which {@code HttpAgent} does not.
 */
class AgUiConformanceIT {

  @RegisterExtension static final ScriptedModel model = new ScriptedModel();

  @Test
  void should_report_usage_with_one_entry_per_provider_and_model_the_run_used() {
    Team team = Team.create("Two providers");
    String house = ModelProviders.addProvider(team, "House", ModelProviders.newKey(), baseUrl());
    ModelProviders.useByDefault(team, house, null, false);
    Map<String, Object> other =
        ModelProviders.providerInput(
            "Other", "OPENAI_COMPATIBLE", baseUrl(), "other-model", ModelProviders.newKey());
    Map<String, Object> crmSettings = new HashMap<>();
    crmSettings.put("providerId", ModelProviders.addProvider(team, other));
    ok(
        team.owner(),
        ModelProviders.AGENT_SETTINGS,
        Map.of("ws", team.ws(), "agent", "crm", "s", crmSettings));
    model.enqueue(
        ScriptedModelServer.reply().text("{\"agents\": [\"crm\"]}").usage(50, 5),
        ScriptedModelServer.reply().text("Nora works at Acme.").usage(70, 8));

    AgUiStream stream = run(team, null, "Who is Nora?");

    assertEquals("Nora works at Acme.", stream.text());
    assertEquals("other-model", model.requests().get(1).get("model").asText());
    JsonNode usage = stream.last().json().get("usage");
    assertEquals(2, usage.size(), usage::toString);
    assertEntry(usage.get(0), "House", "house-model", 50, 5);
    assertEntry(usage.get(1), "Other", "other-model", 70, 8);
  }

  @Test
  void should_end_a_run_that_spends_the_budget_midway_with_the_tokens_it_used() {
    Team team = Team.create("Spent mid-run");
    String house = ModelProviders.addProvider(team, "House", ModelProviders.newKey(), baseUrl());
    ModelProviders.useByDefault(team, house, 100L, false);
    model.enqueue(
        ScriptedModelServer.reply().toolCall("call-1", "list_tasks", "{}").usage(80, 40),
        ScriptedModelServer.reply().text("Never asked for."));

    AgUiStream stream = run(team, "task", "What is open?");

    assertEquals("RUN_ERROR", stream.last().type());
    assertEquals("QUOTA_EXCEEDED", stream.last().field("code"));
    assertEquals(1, model.requests().size(), "the spent budget stopped the second call");
    assertEquals(1, stream.ofType("TOOL_CALL_RESULT").size(), "the tool call before it ran");
    JsonNode usage = stream.last().json().get("usage");
    assertEquals(1, usage.size(), usage::toString);
    assertEntry(usage.get(0), "House", "house-model", 80, 40);
  }

  private static AgUiStream run(Team team, String agent, String text) {
    return AgentRuns.run(team.member(), team.ws(), agent, AgentRuns.newThread(text, null));
  }

  private static void assertEntry(
      JsonNode entry, String provider, String modelName, int input, int output) {
    assertEquals(provider, entry.get("provider").asText(), entry::toString);
    assertEquals(modelName, entry.get("model").asText(), entry::toString);
    assertEquals(input, entry.get("inputTokens").asInt(), entry::toString);
    assertEquals(output, entry.get("outputTokens").asInt(), entry::toString);
    assertEquals(input + output, entry.get("totalTokens").asInt(), entry::toString);
  }

  private static String baseUrl() {
    return model.baseUrl();
  }
}
