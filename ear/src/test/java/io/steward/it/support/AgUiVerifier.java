package io.steward.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.steward.it.support.AgUiStream.Event;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Steward's own rules for the events of a run: the ordering rules of the AG-UI client ({@code
 * @ag-ui/client} 1.0, see PROTOCOLS.md) and some stricter ones of Steward's contract (a run starts
 * with {@code RUN_STARTED} and ends with a terminal event, ids increase), naming the offending
 * event. Whether the client accepts a run is decided by the client itself ({@link AgUiClient});
 * this also checks streams the client does not read, such as joins and replays.
 *
 * <p>Checked: the first event is {@code RUN_STARTED}; each event type has its required fields with
 * the right JSON types, and no event holds a {@code null} anywhere; event ids, where present, are
 * strictly increasing integers; {@code *_CONTENT}/{@code *_ARGS}/{@code *_END} follow an open
 * {@code *_START} with the same id and no id is opened twice; {@code STEP_FINISHED} closes an open
 * {@code STEP_STARTED}; reasoning messages sit inside a {@code REASONING_START} … {@code
 * REASONING_END} block; a {@code TOOL_CALL_RESULT} answers a tool call that was started and ended;
 * {@code RUN_FINISHED} comes only when everything is closed and names the started run; nothing
 * follows {@code RUN_ERROR}, only a new {@code RUN_STARTED} follows {@code RUN_FINISHED}; the
 * stream does not end inside a run. Unknown types, which the client drops, and the {@code *_CHUNK}
 * shorthands, which Steward does not send, are rejected too.
 */
public final class AgUiVerifier {

  private enum Kind {
    STRING("a string", JsonNode::isTextual),
    NON_EMPTY_STRING("a non-empty string", value -> value.isTextual() && !value.asText().isEmpty()),
    ARRAY("an array", JsonNode::isArray),
    OBJECT("an object", JsonNode::isObject),
    ANY("present", value -> true);

    private final String description;
    private final Predicate<JsonNode> accepts;

    Kind(String description, Predicate<JsonNode> accepts) {
      this.description = description;
      this.accepts = accepts;
    }
  }

  private record Field(String name, Kind kind) {}

  private enum Run {
    NOT_STARTED,
    ACTIVE,
    FINISHED,
    ERRORED
  }

  /** Required fields per type: a trailing + means non-empty, [] an array, {} an object, * any. */
  private static final Map<String, List<Field>> REQUIRED =
      Map.ofEntries(
          type("RUN_STARTED", "threadId", "runId"),
          type("RUN_FINISHED", "threadId", "runId"),
          type("RUN_ERROR", "message"),
          type("STEP_STARTED", "stepName"),
          type("STEP_FINISHED", "stepName"),
          type("TEXT_MESSAGE_START", "messageId"),
          type("TEXT_MESSAGE_CONTENT", "messageId", "delta+"),
          type("TEXT_MESSAGE_END", "messageId"),
          type("TOOL_CALL_START", "toolCallId", "toolCallName"),
          type("TOOL_CALL_ARGS", "toolCallId", "delta"),
          type("TOOL_CALL_END", "toolCallId"),
          type("TOOL_CALL_RESULT", "messageId", "toolCallId", "content"),
          type("REASONING_START", "messageId"),
          type("REASONING_END", "messageId"),
          type("REASONING_MESSAGE_START", "messageId", "role"),
          type("REASONING_MESSAGE_CONTENT", "messageId", "delta+"),
          type("REASONING_MESSAGE_END", "messageId"),
          type("STATE_SNAPSHOT", "snapshot*"),
          type("STATE_DELTA", "delta[]"),
          type("MESSAGES_SNAPSHOT", "messages[]"),
          type("ACTIVITY_SNAPSHOT", "messageId", "activityType", "content{}"),
          type("ACTIVITY_DELTA", "messageId", "activityType", "patch[]"),
          type("CUSTOM", "name", "value*"),
          type("RAW", "event*"),
          type("SUBAGENT_STARTED", "subagentRunId"),
          type("SUBAGENT_FINISHED", "subagentRunId"),
          type("SUBAGENT_ERROR", "subagentRunId"));

  private final AgUiStream stream;
  private final Set<String> steps = new LinkedHashSet<>();
  private final Set<String> messages = new LinkedHashSet<>();
  private final Set<String> toolCalls = new LinkedHashSet<>();
  private final Set<String> endedToolCalls = new HashSet<>();
  private final Set<String> reasoningBlocks = new LinkedHashSet<>();
  private final Set<String> reasoningMessages = new LinkedHashSet<>();
  private Run run = Run.NOT_STARTED;
  private Event runStarted;
  private Long lastId;

  private AgUiVerifier(AgUiStream stream) {
    this.stream = stream;
  }

  /**
   * Checks {@code stream}; its tool results may answer tool calls ended in {@code earlier} streams
   * of the same thread (a run resumed after an interrupt).
   *
   * @throws AssertionError naming the first offending event
   */
  public static void verify(AgUiStream stream, AgUiStream... earlier) {
    AgUiVerifier verifier = new AgUiVerifier(stream);
    for (AgUiStream before : earlier) {
      before.ofType("TOOL_CALL_END").forEach(end -> verifier.endedToolCalls.add(id(end)));
    }
    if (stream.events().isEmpty()) {
      throw new AssertionError("the AG-UI stream has no events: " + stream.raw());
    }
    stream.events().forEach(verifier::check);
    if (verifier.run == Run.ACTIVE) {
      throw verifier.failure(
          stream.last(),
          "the stream ends with run '"
              + verifier.runStarted.field("runId")
              + "' still active, without RUN_FINISHED or RUN_ERROR");
    }
  }

  private void check(Event event) {
    String nullAt = nullPath(event.json(), "");
    if (nullAt != null) {
      throw failure(
          event, "null at " + nullAt + "; the client rejects null, absent fields must be omitted");
    }
    checkFields(event);
    checkId(event);
    checkSequence(event);
  }

  private void checkFields(Event event) {
    if (event.type().endsWith("_CHUNK")) {
      throw failure(
          event, "the *_CHUNK shorthands are not modelled here; send START/CONTENT/END events");
    }
    List<Field> fields = REQUIRED.get(event.type());
    if (fields == null) {
      throw failure(event, "unknown event type; the client drops it");
    }
    for (Field field : fields) {
      JsonNode value = event.json().get(field.name());
      if (value == null) {
        throw failure(event, "the required field '" + field.name() + "' is missing");
      }
      if (!field.kind().accepts.test(value)) {
        throw failure(event, "'" + field.name() + "' must be " + field.kind().description);
      }
    }
    JsonNode timestamp = event.json().get("timestamp");
    if (timestamp != null && !timestamp.isIntegralNumber()) {
      throw failure(event, "'timestamp' must be an integer (ms)");
    }
  }

  private void checkId(Event event) {
    if (event.id() == null) {
      return;
    }
    long id;
    try {
      id = Long.parseLong(event.id());
    } catch (NumberFormatException e) {
      throw failure(event, "its id '" + event.id() + "' is not an integer");
    }
    if (lastId != null && id <= lastId) {
      throw failure(event, "its id " + id + " does not increase on the previous id " + lastId);
    }
    lastId = id;
  }

  private void checkSequence(Event event) {
    String type = event.type();
    if (run == Run.NOT_STARTED && !type.equals("RUN_STARTED")) {
      throw failure(event, "the first event must be RUN_STARTED");
    } else if (run == Run.ERRORED) {
      throw failure(event, "nothing may follow RUN_ERROR");
    } else if (run == Run.FINISHED && !type.equals("RUN_STARTED")) {
      throw failure(event, "only a new RUN_STARTED may follow RUN_FINISHED");
    } else if (run == Run.ACTIVE && type.equals("RUN_STARTED")) {
      throw failure(event, "run '" + runStarted.field("runId") + "' is still active");
    }
    switch (type) {
      case "RUN_STARTED" -> {
        run = Run.ACTIVE;
        runStarted = event;
      }
      case "RUN_FINISHED" -> finishRun(event);
      case "RUN_ERROR" -> run = Run.ERRORED;
      case "STEP_STARTED" -> open(event, steps, "stepName", "step");
      case "STEP_FINISHED" -> close(event, steps, "stepName", "step");
      case "TEXT_MESSAGE_START" -> open(event, messages, "messageId", "text message");
      case "TEXT_MESSAGE_CONTENT" -> requireOpen(event, messages, "messageId", "text message");
      case "TEXT_MESSAGE_END" -> close(event, messages, "messageId", "text message");
      case "TOOL_CALL_START" -> open(event, toolCalls, "toolCallId", "tool call");
      case "TOOL_CALL_ARGS" -> requireOpen(event, toolCalls, "toolCallId", "tool call");
      case "TOOL_CALL_END" -> {
        close(event, toolCalls, "toolCallId", "tool call");
        endedToolCalls.add(id(event));
      }
      case "TOOL_CALL_RESULT" -> {
        if (!endedToolCalls.contains(id(event))) {
          throw failure(
              event, "a result for tool call '" + id(event) + "', which was not started and ended");
        }
      }
      case "REASONING_START" -> open(event, reasoningBlocks, "messageId", "reasoning block");
      case "REASONING_END" -> {
        requireClosed(event, "reasoning messages", reasoningMessages);
        close(event, reasoningBlocks, "messageId", "reasoning block");
      }
      case "REASONING_MESSAGE_START" -> {
        if (reasoningBlocks.isEmpty()) {
          throw failure(
              event, "a reasoning message outside a REASONING_START … REASONING_END block");
        }
        if (!"reasoning".equals(event.field("role"))) {
          throw failure(event, "the role of a reasoning message must be \"reasoning\"");
        }
        open(event, reasoningMessages, "messageId", "reasoning message");
      }
      case "REASONING_MESSAGE_CONTENT" ->
          requireOpen(event, reasoningMessages, "messageId", "reasoning message");
      case "REASONING_MESSAGE_END" ->
          close(event, reasoningMessages, "messageId", "reasoning message");
      default -> {
        // State, activity, custom, raw and subagent events pair with nothing.
      }
    }
  }

  private void finishRun(Event event) {
    requireClosed(event, "steps", steps);
    requireClosed(event, "text messages", messages);
    requireClosed(event, "tool calls", toolCalls);
    requireClosed(event, "reasoning messages", reasoningMessages);
    requireClosed(event, "reasoning blocks", reasoningBlocks);
    for (String field : List.of("threadId", "runId")) {
      if (!event.field(field).equals(runStarted.field(field))) {
        throw failure(
            event, "its " + field + " is not the " + field + " of RUN_STARTED " + runStarted);
      }
    }
    run = Run.FINISHED;
  }

  private void open(Event event, Set<String> open, String key, String what) {
    if (!open.add(event.field(key))) {
      throw failure(event, "the " + what + " '" + event.field(key) + "' is already open");
    }
  }

  private void requireOpen(Event event, Set<String> open, String key, String what) {
    if (!open.contains(event.field(key))) {
      throw failure(
          event, "no open " + what + " '" + event.field(key) + "'; its START must come first");
    }
  }

  private void close(Event event, Set<String> open, String key, String what) {
    requireOpen(event, open, key, what);
    open.remove(event.field(key));
  }

  private void requireClosed(Event event, String what, Set<String> open) {
    if (!open.isEmpty()) {
      throw failure(event, what + " are still open: " + open);
    }
  }

  private AssertionError failure(Event event, String problem) {
    return new AssertionError(
        "AG-UI event #"
            + event.index()
            + " "
            + event.type()
            + ": "
            + problem
            + "\n  event: "
            + event
            + "\n  stream: "
            + stream.types());
  }

  private static String id(Event toolCallEvent) {
    return toolCallEvent.field("toolCallId");
  }

  /** The JSON pointer of the first null in {@code node}, or null when there is none. */
  private static String nullPath(JsonNode node, String path) {
    if (node.isNull()) {
      return path.isEmpty() ? "/" : path;
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String found = nullPath(field.getValue(), path + "/" + field.getKey());
        if (found != null) {
          return found;
        }
      }
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String found = nullPath(node.get(i), path + "/" + i);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static Map.Entry<String, List<Field>> type(String type, String... specs) {
    List<Field> fields = new ArrayList<>();
    for (String spec : specs) {
      Kind kind =
          spec.endsWith("+")
              ? Kind.NON_EMPTY_STRING
              : spec.endsWith("[]")
                  ? Kind.ARRAY
                  : spec.endsWith("{}") ? Kind.OBJECT : spec.endsWith("*") ? Kind.ANY : Kind.STRING;
      fields.add(new Field(spec.replaceAll("[+*\\[\\]{}]", ""), kind));
    }
    return Map.entry(type, List.copyOf(fields));
  }
}
