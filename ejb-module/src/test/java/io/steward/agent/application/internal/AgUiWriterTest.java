package io.steward.agent.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tests that {@link AgUiWriter} writes AG-UI events in the order the strict AG-UI client accepts:
 * one start per message, reasoning block, tool call and step, everything closed before the run
 * finishes, nothing after the run's last event, no JSON null, and clock timestamps.
 */
class AgUiWriterTest {

  private static final Instant NOW = Instant.parse("2026-03-01T09:30:00.123Z");

  private final List<JsonObject> events = new ArrayList<>();
  private final AgUiWriter writer =
      new AgUiWriter("thread-1", "run-1", events::add, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void should_start_the_run_with_the_thread_and_run_ids() {
    writer.runStarted();

    assertEquals(List.of("RUN_STARTED"), types());
    assertEquals("thread-1", events.get(0).getString("threadId"));
    assertEquals("run-1", events.get(0).getString("runId"));
  }

  @Test
  void should_open_one_text_message_for_all_deltas_and_skip_empty_ones() {
    writer.text("Hel");
    writer.text("");
    writer.text(null);
    writer.text("lo");

    assertEquals(
        List.of("TEXT_MESSAGE_START", "TEXT_MESSAGE_CONTENT", "TEXT_MESSAGE_CONTENT"), types());
    assertEquals("assistant", events.get(0).getString("role"));
    String messageId = events.get(0).getString("messageId");
    assertEquals(List.of(messageId, messageId, messageId), strings("messageId"));
    assertEquals(List.of("Hel", "lo"), strings("delta"));
  }

  @Test
  void should_write_text_under_the_assistant_message_id_which_tool_calls_name_as_parent() {
    String messageId = writer.beginAssistantMessage();
    writer.text("Looking it up");
    writer.toolCallStarted("call-1", "find_deals", messageId);

    assertEquals(
        List.of(
            "TEXT_MESSAGE_START", "TEXT_MESSAGE_CONTENT", "TEXT_MESSAGE_END", "TOOL_CALL_START"),
        types());
    assertEquals(List.of(messageId, messageId, messageId), strings("messageId"));
    JsonObject start = events.get(3);
    assertEquals("call-1", start.getString("toolCallId"));
    assertEquals("find_deals", start.getString("toolCallName"));
    assertEquals(messageId, start.getString("parentMessageId"));
  }

  @Test
  void should_give_text_after_a_closed_message_a_new_id() {
    String messageId = writer.beginAssistantMessage();
    writer.text("first");
    writer.endText();
    writer.text("second");

    List<String> ids = strings("messageId");
    assertEquals(messageId, ids.get(0));
    assertNotEquals(messageId, ids.get(3));
    assertEquals(ids.get(3), ids.get(4));
  }

  @Test
  void should_open_reasoning_with_the_reasoning_role_and_close_it_when_text_starts() {
    writer.reasoning("Let me");
    writer.reasoning(" think");
    writer.reasoning("");
    writer.text("Answer");

    assertEquals(
        List.of(
            "REASONING_START",
            "REASONING_MESSAGE_START",
            "REASONING_MESSAGE_CONTENT",
            "REASONING_MESSAGE_CONTENT",
            "REASONING_MESSAGE_END",
            "REASONING_END",
            "TEXT_MESSAGE_START",
            "TEXT_MESSAGE_CONTENT"),
        types());
    assertEquals("reasoning", events.get(1).getString("role"));
    List<String> ids = strings("messageId");
    assertEquals(1, ids.subList(0, 6).stream().distinct().count());
    assertNotEquals(ids.get(0), ids.get(6));
    assertEquals(List.of("Let me", " think", "Answer"), strings("delta"));
  }

  @Test
  void should_close_open_text_when_reasoning_starts() {
    writer.text("Hmm");
    writer.reasoning("thinking");

    assertEquals(
        List.of(
            "TEXT_MESSAGE_START",
            "TEXT_MESSAGE_CONTENT",
            "TEXT_MESSAGE_END",
            "REASONING_START",
            "REASONING_MESSAGE_START",
            "REASONING_MESSAGE_CONTENT"),
        types());
  }

  @Test
  void should_start_a_tool_call_only_once_even_after_it_ended() {
    writer.toolCallStarted("call-1", "find_deals", "m-1");
    writer.toolCallStarted("call-1", "find_deals", "m-1");
    writer.toolCallArguments("call-1", "{}");
    writer.toolCallEnded("call-1");
    writer.toolCallStarted("call-1", "find_deals", "m-1");
    writer.toolCallArguments("call-1", "{\"again\":true}");
    writer.toolCallEnded("call-1");

    assertEquals(List.of("TOOL_CALL_START", "TOOL_CALL_ARGS", "TOOL_CALL_END"), types());
  }

  @Test
  void should_ignore_arguments_for_unknown_or_closed_tool_calls_and_empty_deltas() {
    writer.toolCallArguments("call-0", "{\"x\":1}");
    writer.toolCallStarted("call-1", "find_deals", "m-1");
    writer.toolCallArguments("call-1", "");
    writer.toolCallArguments("call-1", null);
    writer.toolCallArguments("call-1", "{\"q\":");
    writer.toolCallEnded("call-1");
    writer.toolCallArguments("call-1", "\"late\"}");
    writer.toolCallEnded("call-1");

    assertEquals(List.of("TOOL_CALL_START", "TOOL_CALL_ARGS", "TOOL_CALL_END"), types());
    assertEquals(List.of("{\"q\":"), strings("delta"));
  }

  @Test
  void should_close_open_text_before_finishing_a_step_and_finish_a_step_once() {
    writer.stepStarted("plan");
    writer.stepStarted("plan");
    writer.text("Plan");
    writer.stepFinished("plan");
    writer.stepFinished("plan");

    assertEquals(
        List.of(
            "STEP_STARTED",
            "TEXT_MESSAGE_START",
            "TEXT_MESSAGE_CONTENT",
            "TEXT_MESSAGE_END",
            "STEP_FINISHED"),
        types());
    assertEquals(List.of("plan", "plan"), strings("stepName"));
  }

  @Test
  void should_close_open_reasoning_before_finishing_a_step() {
    writer.stepStarted("plan");
    writer.reasoning("why");
    writer.stepFinished("plan");

    assertEquals(
        List.of("REASONING_MESSAGE_END", "REASONING_END", "STEP_FINISHED"), types().subList(4, 7));
  }

  @Test
  void should_close_reasoning_tool_calls_and_steps_in_order_before_finishing_the_run() {
    JsonArray usage =
        Json.createArrayBuilder()
            .add(Json.createObjectBuilder().add("model", "m").add("inputTokens", 12))
            .build();
    writer.runStarted();
    writer.stepStarted("first");
    writer.stepStarted("second");
    writer.toolCallStarted("call-1", "find_deals", "m-1");
    writer.toolCallStarted("call-2", "find_contacts", "m-1");
    writer.reasoning("still thinking");
    int before = events.size();
    writer.runFinished("success", usage);

    assertEquals(
        List.of(
            "REASONING_MESSAGE_END",
            "REASONING_END",
            "TOOL_CALL_END",
            "TOOL_CALL_END",
            "STEP_FINISHED",
            "STEP_FINISHED",
            "RUN_FINISHED"),
        types().subList(before, events.size()));
    List<JsonObject> closing = events.subList(before, events.size());
    assertEquals("call-1", closing.get(2).getString("toolCallId"));
    assertEquals("call-2", closing.get(3).getString("toolCallId"));
    assertEquals("first", closing.get(4).getString("stepName"));
    assertEquals("second", closing.get(5).getString("stepName"));
    JsonObject finished = closing.get(6);
    assertEquals("thread-1", finished.getString("threadId"));
    assertEquals("run-1", finished.getString("runId"));
    assertEquals(
        Json.createObjectBuilder().add("type", "success").build(), finished.get("outcome"));
    assertEquals(usage, finished.get("usage"));
    assertTrue(writer.ended());
  }

  @Test
  void should_close_open_text_before_finishing_the_run() {
    writer.toolCallStarted("call-1", "find_deals", "m-1");
    writer.text("Done");
    writer.runFinished("success", null);

    assertEquals(
        List.of("TEXT_MESSAGE_END", "TOOL_CALL_END", "RUN_FINISHED"), types().subList(3, 6));
  }

  @Test
  void should_write_nothing_after_the_run_finished() {
    writer.runFinished("cancelled", null);
    writeOneOfEverything();
    writer.runError("late", "LATE", null);

    assertEquals(List.of("RUN_FINISHED"), types());
    assertEquals("cancelled", events.get(0).getJsonObject("outcome").getString("type"));
    assertFalse(events.get(0).containsKey("usage"));
  }

  @Test
  void should_write_nothing_after_a_run_error() {
    assertFalse(writer.ended());
    writer.runError("The model call failed.", "MODEL_ERROR", null);
    writeOneOfEverything();
    writer.runFinished("success", null);

    assertEquals(List.of("RUN_ERROR"), types());
    assertEquals("The model call failed.", events.get(0).getString("message"));
    assertEquals("MODEL_ERROR", events.get(0).getString("code"));
    assertTrue(writer.ended());
  }

  @Test
  void should_report_the_tokens_used_before_a_run_error() {
    JsonArray usage =
        Json.createArrayBuilder()
            .add(Json.createObjectBuilder().add("model", "m").add("inputTokens", 9))
            .build();
    writer.runError("The budget is spent.", "QUOTA_EXCEEDED", usage);

    assertEquals(usage, events.get(0).get("usage"));
  }

  @Test
  void should_leave_out_usage_when_no_tokens_were_metered() {
    writer.runFinished("success", JsonValue.EMPTY_JSON_ARRAY);
    AgUiWriter failing =
        new AgUiWriter("thread-1", "run-2", events::add, Clock.fixed(NOW, ZoneOffset.UTC));
    failing.runError("The model call failed.", "MODEL_ERROR", JsonValue.EMPTY_JSON_ARRAY);

    assertFalse(events.get(0).containsKey("usage"));
    assertFalse(events.get(1).containsKey("usage"));
  }

  @Test
  void should_write_a_tool_result_as_a_new_tool_message() {
    String resultId = writer.toolCallResult("call-1", "{\"items\":[]}");

    JsonObject result = events.get(0);
    assertEquals("TOOL_CALL_RESULT", result.getString("type"));
    assertEquals(resultId, result.getString("messageId"));
    assertEquals("call-1", result.getString("toolCallId"));
    assertEquals("{\"items\":[]}", result.getString("content"));
    assertEquals("tool", result.getString("role"));
    assertNotEquals(resultId, writer.toolCallResult("call-2", "{}"));
  }

  @Test
  void should_never_write_json_null_and_stamp_every_event_with_the_clock_time() {
    writer.runStarted();
    writeOneOfEverything();
    writer.runFinished("success", null);

    assertTrue(events.size() > 15, "events: " + types());
    for (JsonObject event : events) {
      assertFalse(containsNull(event), event.toString());
      JsonNumber timestamp = event.getJsonNumber("timestamp");
      assertTrue(timestamp.isIntegral(), event.toString());
      assertEquals(NOW.toEpochMilli(), timestamp.longValueExact());
    }
  }

  private void writeOneOfEverything() {
    writer.stepStarted("step");
    String messageId = writer.beginAssistantMessage();
    writer.reasoning("why");
    writer.text("what");
    writer.toolCallStarted("call-9", "find_deals", messageId);
    writer.toolCallArguments("call-9", "{}");
    writer.toolCallEnded("call-9");
    writer.toolCallResult("call-9", "[]");
    writer.custom("steward.block", Json.createObjectBuilder().add("type", "table").build());
    writer.stepFinished("step");
  }

  private List<String> types() {
    return strings("type");
  }

  /** The value of one field in every event that has it, in order. */
  private List<String> strings(String field) {
    return events.stream().filter(e -> e.containsKey(field)).map(e -> e.getString(field)).toList();
  }

  private static boolean containsNull(JsonValue value) {
    return switch (value.getValueType()) {
      case NULL -> true;
      case OBJECT -> value.asJsonObject().values().stream().anyMatch(AgUiWriterTest::containsNull);
      case ARRAY -> value.asJsonArray().stream().anyMatch(AgUiWriterTest::containsNull);
      default -> false;
    };
  }
}
