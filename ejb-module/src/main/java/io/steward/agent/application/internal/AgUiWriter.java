package io.steward.agent.application.internal;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Writes one run's AG-UI events in an order the strict AG-UI client accepts: it opens text
 * messages, reasoning blocks, tool calls and steps when their first content arrives, closes what is
 * open before a run ends, never writes empty deltas or null fields, and writes nothing after the
 * run's last event. Not thread-safe: one run, one writer thread.
 */
public final class AgUiWriter {

  private final String threadId;
  private final String runId;
  private final Consumer<JsonObject> out;
  private final Clock clock;
  private final Set<String> openSteps = new LinkedHashSet<>();
  private final Map<String, String> openToolCalls = new LinkedHashMap<>();
  private final Set<String> startedToolCalls = new java.util.HashSet<>();
  private String textMessageId;
  private String nextTextMessageId;
  private String reasoningId;
  private boolean ended;

  public AgUiWriter(String threadId, String runId, Consumer<JsonObject> out, Clock clock) {
    this.threadId = threadId;
    this.runId = runId;
    this.out = out;
    this.clock = clock;
  }

  public void runStarted() {
    write(event("RUN_STARTED").add("threadId", threadId).add("runId", runId));
  }

  public void stepStarted(String step) {
    if (openSteps.add(step)) {
      write(event("STEP_STARTED").add("stepName", step));
    }
  }

  public void stepFinished(String step) {
    if (openSteps.remove(step)) {
      endReasoning();
      endText();
      write(event("STEP_FINISHED").add("stepName", step));
    }
  }

  /**
   * Starts a new assistant message (one model reply): its text, if any, is written under the
   * returned id, and its tool calls name it as their parent.
   */
  public String beginAssistantMessage() {
    nextTextMessageId = newId();
    return nextTextMessageId;
  }

  /** Adds to the assistant's current text message, starting one if none is open. */
  public void text(String delta) {
    if (delta == null || delta.isEmpty()) {
      return;
    }
    endReasoning();
    if (textMessageId == null) {
      textMessageId = nextTextMessageId != null ? nextTextMessageId : newId();
      nextTextMessageId = null;
      write(event("TEXT_MESSAGE_START").add("messageId", textMessageId).add("role", "assistant"));
    }
    write(event("TEXT_MESSAGE_CONTENT").add("messageId", textMessageId).add("delta", delta));
  }

  public void endText() {
    if (textMessageId != null) {
      write(event("TEXT_MESSAGE_END").add("messageId", textMessageId));
      textMessageId = null;
    }
  }

  /** Adds to the model's visible reasoning, starting a reasoning block if none is open. */
  public void reasoning(String delta) {
    if (delta == null || delta.isEmpty()) {
      return;
    }
    endText();
    if (reasoningId == null) {
      reasoningId = newId();
      write(event("REASONING_START").add("messageId", reasoningId));
      write(
          event("REASONING_MESSAGE_START").add("messageId", reasoningId).add("role", "reasoning"));
    }
    write(event("REASONING_MESSAGE_CONTENT").add("messageId", reasoningId).add("delta", delta));
  }

  public void endReasoning() {
    if (reasoningId != null) {
      write(event("REASONING_MESSAGE_END").add("messageId", reasoningId));
      write(event("REASONING_END").add("messageId", reasoningId));
      reasoningId = null;
    }
  }

  /**
   * Opens a tool call the model makes (once: a call already started is not started again); its
   * parent is the assistant message of this turn.
   */
  public void toolCallStarted(String toolCallId, String toolName, String parentMessageId) {
    if (!startedToolCalls.add(toolCallId)) {
      return;
    }
    endReasoning();
    endText();
    openToolCalls.put(toolCallId, toolName);
    write(
        event("TOOL_CALL_START")
            .add("toolCallId", toolCallId)
            .add("toolCallName", toolName)
            .add("parentMessageId", parentMessageId));
  }

  public void toolCallArguments(String toolCallId, String delta) {
    if (delta != null && !delta.isEmpty() && openToolCalls.containsKey(toolCallId)) {
      write(event("TOOL_CALL_ARGS").add("toolCallId", toolCallId).add("delta", delta));
    }
  }

  public void toolCallEnded(String toolCallId) {
    if (openToolCalls.remove(toolCallId) != null) {
      write(event("TOOL_CALL_END").add("toolCallId", toolCallId));
    }
  }

  /** The result of a tool call, as a tool message; returns that message's id. */
  public String toolCallResult(String toolCallId, String content) {
    String messageId = newId();
    write(
        event("TOOL_CALL_RESULT")
            .add("messageId", messageId)
            .add("toolCallId", toolCallId)
            .add("content", content)
            .add("role", "tool"));
    return messageId;
  }

  public void custom(String name, JsonValue value) {
    write(event("CUSTOM").add("name", name).add("value", value));
  }

  /**
   * Closes whatever is open and finishes the run with an outcome (success, cancelled) and the
   * tokens it used ({@code TokenUsage[]}, left out when empty).
   */
  public void runFinished(String outcome, JsonArray usage) {
    finish(Json.createObjectBuilder().add("type", outcome), usage);
  }

  /**
   * Finishes the run waiting for people: the outcome {@code interrupt} carries every open interrupt
   * of the run at once (at least one), which the client answers in the next run's {@code resume}.
   */
  public void runInterrupted(JsonArray interrupts, JsonArray usage) {
    finish(
        Json.createObjectBuilder().add("type", "interrupt").add("interrupts", interrupts), usage);
  }

  private void finish(JsonObjectBuilder outcome, JsonArray usage) {
    closeAll();
    write(
        withUsage(
            event("RUN_FINISHED")
                .add("threadId", threadId)
                .add("runId", runId)
                .add("outcome", outcome),
            usage));
    ended = true;
  }

  /**
   * Ends the run with an error and the tokens it used before (left out when empty); the message is
   * shown to people, so it must be safe to show.
   */
  public void runError(String message, String code, JsonArray usage) {
    write(withUsage(event("RUN_ERROR").add("message", message).add("code", code), usage));
    ended = true;
  }

  public boolean ended() {
    return ended;
  }

  private void closeAll() {
    endReasoning();
    endText();
    for (String toolCallId : new ArrayList<>(openToolCalls.keySet())) {
      toolCallEnded(toolCallId);
    }
    for (String step : List.copyOf(openSteps)) {
      stepFinished(step);
    }
  }

  private static JsonObjectBuilder withUsage(JsonObjectBuilder event, JsonArray usage) {
    return usage == null || usage.isEmpty() ? event : event.add("usage", usage);
  }

  private JsonObjectBuilder event(String type) {
    return Json.createObjectBuilder().add("type", type).add("timestamp", clock.millis());
  }

  private void write(JsonObjectBuilder event) {
    if (!ended) {
      out.accept(event.build());
    }
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }
}
