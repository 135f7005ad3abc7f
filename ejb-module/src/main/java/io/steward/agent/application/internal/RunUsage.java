package io.steward.agent.application.internal;

import io.steward.provider.application.ChatModelChoice;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tokens one run used, summed per provider and model as AG-UI's {@code TokenUsage[]} reports
 * them on {@code RUN_FINISHED} and {@code RUN_ERROR}: one entry per workspace provider and model
 * (the installation's model has no provider), in the order first used. The offline model costs
 * nothing and is not metered, so it has no entry; its rough counts go into the run's totals only,
 * which the run record keeps. Not thread-safe: one run, one thread.
 */
final class RunUsage {

  private record Key(String provider, String model) {}

  private static final class Tokens {
    private long input;
    private long output;
  }

  private final Map<Key, Tokens> byModel = new LinkedHashMap<>();
  private long inputTokens;
  private long outputTokens;

  /** Adds one model call's tokens. */
  void add(ChatModelChoice model, long input, long output) {
    inputTokens += input;
    outputTokens += output;
    if (!model.offline()) {
      Tokens tokens =
          byModel.computeIfAbsent(new Key(model.provider(), model.modelName()), k -> new Tokens());
      tokens.input += input;
      tokens.output += output;
    }
  }

  /** All input tokens of the run, the offline model's included. */
  long inputTokens() {
    return inputTokens;
  }

  /** All output tokens of the run, the offline model's included. */
  long outputTokens() {
    return outputTokens;
  }

  /** The entries of AG-UI's {@code usage}; empty when no metered model was called. */
  JsonArray toJson() {
    JsonArrayBuilder entries = Json.createArrayBuilder();
    byModel.forEach(
        (key, tokens) -> {
          JsonObjectBuilder entry = Json.createObjectBuilder();
          if (key.provider() != null) {
            entry.add("provider", key.provider());
          }
          entries.add(
              entry
                  .add("model", key.model())
                  .add("inputTokens", tokens.input)
                  .add("outputTokens", tokens.output)
                  .add("totalTokens", tokens.input + tokens.output));
        });
    return entries.build();
  }
}
