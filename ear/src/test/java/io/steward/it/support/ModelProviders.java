package io.steward.it.support;

import static io.steward.it.support.Steward.ok;

import io.steward.it.support.Records.Team;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** A workspace's model providers and AI settings, set up through GraphQL for tests. */
public final class ModelProviders {

  public static final String ADD =
      "mutation($ws: ID!, $in: ModelProviderInput!) { addModelProvider(workspaceId: $ws,"
          + " input: $in) { id name kind baseUrl defaultModel apiKey version } }";
  public static final String SETTINGS =
      "mutation($ws: ID!, $s: AiSettingsInput!) { updateAiSettings(workspaceId: $ws,"
          + " settings: $s) { defaultProviderId monthlyTokenBudget membersMayChooseModel } }";
  public static final String AGENT_SETTINGS =
      "mutation($ws: ID!, $agent: String!, $s: AgentSettingsInput!) {"
          + " updateAgentSettings(workspaceId: $ws, agent: $agent, settings: $s) {"
          + " agent providerId model disabledTools instructions version } }";

  private ModelProviders() {}

  /** A {@code ModelProviderInput} (a mutable map, for tests to vary). */
  public static Map<String, Object> providerInput(
      String name, String kind, String baseUrl, String defaultModel, String apiKey) {
    Map<String, Object> input = new HashMap<>();
    input.put("name", name);
    input.put("kind", kind);
    input.put("baseUrl", baseUrl);
    input.put("defaultModel", defaultModel);
    input.put("apiKey", apiKey);
    return input;
  }

  /** Adds a provider as the team's owner; answers its id. */
  public static String addProvider(Team team, Map<String, Object> input) {
    return ok(team.owner(), ADD, Map.of("ws", team.ws(), "in", input))
        .getString("data.addModelProvider.id");
  }

  /** An OpenAI-compatible provider at the scripted server at {@code baseUrl}; answers its id. */
  public static String addProvider(Team team, String name, String apiKey, String baseUrl) {
    return addProvider(
        team, providerInput(name, "OPENAI_COMPATIBLE", baseUrl, "house-model", apiKey));
  }

  /** An Anthropic provider at the scripted server at {@code baseUrl}; answers its id. */
  public static String addAnthropicProvider(Team team, String apiKey, String baseUrl) {
    return addProvider(
        team, providerInput("Claude", "ANTHROPIC", baseUrl + "/", "claude-scripted", apiKey));
  }

  /** Makes the provider the workspace's default, with a monthly token budget (or null). */
  public static void useByDefault(
      Team team, String providerId, Long budget, boolean membersChoose) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("defaultProviderId", providerId);
    settings.put("monthlyTokenBudget", budget);
    settings.put("membersMayChooseModel", membersChoose);
    ok(team.owner(), SETTINGS, Map.of("ws", team.ws(), "s", settings));
  }

  /** A new, unique API key in the shape of an OpenAI one. */
  public static String newKey() {
    return "sk-it-" + UUID.randomUUID().toString().replace("-", "");
  }
}
