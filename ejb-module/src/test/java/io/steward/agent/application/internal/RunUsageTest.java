package io.steward.agent.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steward.provider.application.ChatModelChoice;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Tests that {@link RunUsage} sums a run's tokens per provider and model, as AG-UI's {@code
 * TokenUsage[]}, and keeps the offline model out of it.
 */
class RunUsageTest {

  private static final ChatModelChoice HOUSE_LLAMA =
      new ChatModelChoice("House", "llama3.1", false, null, UUID.randomUUID());
  private static final ChatModelChoice HOUSE_QWEN =
      new ChatModelChoice("House", "qwen3", false, null, HOUSE_LLAMA.providerId());
  private static final ChatModelChoice INSTALLATION =
      new ChatModelChoice(null, "gpt-4o-mini", false, null, null);
  private static final ChatModelChoice OFFLINE =
      new ChatModelChoice(null, "offline", true, null, null);

  private final RunUsage usage = new RunUsage();

  @Test
  void should_sum_the_calls_of_each_provider_and_model_into_one_entry_in_first_use_order() {
    usage.add(INSTALLATION, 50, 5);
    usage.add(HOUSE_LLAMA, 60, 40);
    usage.add(HOUSE_QWEN, 7, 3);
    usage.add(HOUSE_LLAMA, 40, 10);

    JsonArray expected =
        Json.createArrayBuilder()
            .add(
                Json.createObjectBuilder()
                    .add("model", "gpt-4o-mini")
                    .add("inputTokens", 50)
                    .add("outputTokens", 5)
                    .add("totalTokens", 55))
            .add(
                Json.createObjectBuilder()
                    .add("provider", "House")
                    .add("model", "llama3.1")
                    .add("inputTokens", 100)
                    .add("outputTokens", 50)
                    .add("totalTokens", 150))
            .add(
                Json.createObjectBuilder()
                    .add("provider", "House")
                    .add("model", "qwen3")
                    .add("inputTokens", 7)
                    .add("outputTokens", 3)
                    .add("totalTokens", 10))
            .build();
    assertEquals(expected, usage.toJson());
    assertEquals(157, usage.inputTokens());
    assertEquals(58, usage.outputTokens());
  }

  @Test
  void should_list_no_entry_for_the_offline_model_but_count_it_in_the_totals() {
    usage.add(OFFLINE, 12, 8);

    assertTrue(usage.toJson().isEmpty());
    assertEquals(12, usage.inputTokens());
    assertEquals(8, usage.outputTokens());

    usage.add(HOUSE_LLAMA, 3, 4);
    assertEquals(1, usage.toJson().size());
    assertEquals("llama3.1", usage.toJson().getJsonObject(0).getString("model"));
    assertEquals(7, usage.toJson().getJsonObject(0).getInt("totalTokens"));
  }

  @Test
  void should_be_empty_before_any_call() {
    assertTrue(usage.toJson().isEmpty());
    assertEquals(0, usage.inputTokens());
  }
}
