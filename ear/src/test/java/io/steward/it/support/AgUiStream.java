package io.steward.it.support;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.stream.Collectors.toList;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The events of an AG-UI run response ({@code text/event-stream}), framed exactly as the strict
 * {@code @ag-ui/client} 1.0 frames them: the body is split on {@code "\n\n"}, the {@code data:}
 * lines of a block are joined with {@code "\n"} and parsed as one JSON object, {@code id:} lines
 * name the event, other lines (comments, {@code event:}, {@code retry:}) are ignored. A body with a
 * carriage return is rejected, since CRLF framing breaks that client. {@link #verify} applies the
 * client's sequencing rules through {@link AgUiVerifier}.
 */
public final class AgUiStream {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** One event: its position in the stream, its SSE {@code id} (or null), type and JSON. */
  public record Event(int index, String id, String type, ObjectNode json) {

    /** The text of a top-level field, or null when it is absent. */
    public String field(String name) {
      JsonNode value = json.get(name);
      return value == null || value.isNull() ? null : value.asText();
    }

    @Override
    public String toString() {
      return "#" + index + (id == null ? "" : " (id " + id + ")") + " " + json;
    }
  }

  private final String raw;
  private final List<Event> events;

  private AgUiStream(String raw, List<Event> events) {
    this.raw = raw;
    this.events = List.copyOf(events);
  }

  /**
   * Parses a complete response body.
   *
   * @throws AssertionError if the body has a carriage return or an event is not a JSON object with
   *     a string {@code type}
   */
  public static AgUiStream parse(String body) {
    Framer framer = new Framer();
    framer.feed(body);
    framer.finish();
    return framer.snapshot();
  }

  /** Starts reading a response body in the background, for tests that watch a run as it goes. */
  public static Live live(InputStream body) {
    return live(new BodySource(body));
  }

  /** Starts reading the text a source hands over in the background. */
  public static Live live(Source source) {
    return new Live(source);
  }

  /** Where a live stream's text comes from: a response body, or a client that read it. */
  public interface Source {

    /** Hands over the body's text as it arrives; returns when the body has ended. */
    void pump(Consumer<String> text) throws IOException;

    /**
     * Checks what the source saw besides the text, against the events framed from it: once the body
     * has ended ({@code complete}), or so far when the stream is closed early.
     *
     * @throws AssertionError naming what is wrong
     */
    default void check(AgUiStream stream, boolean complete) {}

    /** Stops the source; {@link #pump} then returns or fails. */
    void close() throws IOException;
  }

  /** A response body read as UTF-8. */
  private record BodySource(InputStream body) implements Source {

    @Override
    public void pump(Consumer<String> text) throws IOException {
      try (Reader in = new InputStreamReader(body, UTF_8)) {
        char[] buffer = new char[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          text.accept(new String(buffer, 0, n));
        }
      }
    }

    @Override
    public void close() throws IOException {
      body.close();
    }
  }

  /** The body as received, to assert its framing. */
  public String raw() {
    return raw;
  }

  public List<Event> events() {
    return events;
  }

  public List<String> types() {
    return events.stream().map(Event::type).collect(toList());
  }

  public List<Event> ofType(String type) {
    return events.stream().filter(event -> event.type().equals(type)).collect(toList());
  }

  /** All {@code TEXT_MESSAGE_CONTENT} deltas, concatenated. */
  public String text() {
    StringBuilder text = new StringBuilder();
    ofType("TEXT_MESSAGE_CONTENT").forEach(event -> text.append(event.field("delta")));
    return text.toString();
  }

  /**
   * The tool calls by name, each with its {@code TOOL_CALL_ARGS} deltas concatenated, in start
   * order.
   *
   * @throws AssertionError if a tool was called twice (use {@link #ofType} then)
   */
  public Map<String, String> toolCalls() {
    Map<String, StringBuilder> byId = new LinkedHashMap<>();
    Map<String, String> names = toolCallNames();
    for (Event event : events) {
      String id = event.field("toolCallId");
      if (event.type().equals("TOOL_CALL_START")) {
        byId.put(id, new StringBuilder());
      } else if (event.type().equals("TOOL_CALL_ARGS") && byId.containsKey(id)) {
        byId.get(id).append(event.field("delta"));
      }
    }
    Map<String, String> calls = new LinkedHashMap<>();
    byId.forEach((id, args) -> putOnce(calls, names.get(id), args.toString()));
    return calls;
  }

  /**
   * The {@code TOOL_CALL_RESULT} contents by tool name (by tool call id for a call started in an
   * earlier stream).
   *
   * @throws AssertionError if a tool has two results (use {@link #ofType} then)
   */
  public Map<String, String> toolResults() {
    Map<String, String> names = toolCallNames();
    Map<String, String> results = new LinkedHashMap<>();
    for (Event event : ofType("TOOL_CALL_RESULT")) {
      String id = event.field("toolCallId");
      putOnce(results, names.getOrDefault(id, id), event.field("content"));
    }
    return results;
  }

  /**
   * The content of the {@code TOOL_CALL_RESULT} of one tool call, by its id.
   *
   * @throws AssertionError if the stream has no result for that call
   */
  public String toolResult(String toolCallId) {
    return ofType("TOOL_CALL_RESULT").stream()
        .filter(event -> toolCallId.equals(event.field("toolCallId")))
        .map(event -> event.field("content"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no result for " + toolCallId));
  }

  /** The values of the {@code CUSTOM} events with this name, in order. */
  public List<JsonNode> customEvents(String name) {
    return ofType("CUSTOM").stream()
        .filter(event -> name.equals(event.field("name")))
        .map(event -> event.json().get("value"))
        .collect(toList());
  }

  public Event last() {
    if (events.isEmpty()) {
      throw new AssertionError("the AG-UI stream has no events: " + raw);
    }
    return events.get(events.size() - 1);
  }

  /** The id of the last event that has one (what a browser resumes from), or null. */
  public String lastId() {
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i).id() != null) {
        return events.get(i).id();
      }
    }
    return null;
  }

  /**
   * Checks the stream against the AG-UI client's rules (see {@link AgUiVerifier}); tool results may
   * answer tool calls ended in {@code earlier} streams of the same thread (a resumed run).
   *
   * @return this stream, for chaining
   * @throws AssertionError naming the first offending event
   */
  public AgUiStream verify(AgUiStream... earlier) {
    AgUiVerifier.verify(this, earlier);
    return this;
  }

  private Map<String, String> toolCallNames() {
    Map<String, String> names = new LinkedHashMap<>();
    ofType("TOOL_CALL_START")
        .forEach(event -> names.put(event.field("toolCallId"), event.field("toolCallName")));
    return names;
  }

  private static void putOnce(Map<String, String> map, String key, String value) {
    if (map.put(key, value) != null) {
      throw new AssertionError("'" + key + "' occurs more than once; use ofType(...) instead");
    }
  }

  /** Splits text into events as the client does, however the text arrives in pieces. */
  private static final class Framer {

    private final StringBuilder raw = new StringBuilder();
    private final StringBuilder pending = new StringBuilder();
    private final List<Event> events = new ArrayList<>();

    synchronized List<Event> feed(String text) {
      int carriageReturn = text.indexOf('\r');
      if (carriageReturn >= 0) {
        throw new AssertionError(
            "the AG-UI body has a carriage return at offset "
                + (raw.length() + carriageReturn)
                + "; the client splits events on \\n\\n, so CRLF framing breaks it: "
                + raw
                + text);
      }
      raw.append(text);
      pending.append(text);
      List<Event> added = new ArrayList<>();
      for (int end = pending.indexOf("\n\n"); end >= 0; end = pending.indexOf("\n\n")) {
        block(pending.substring(0, end), added);
        pending.delete(0, end + 2);
      }
      return added;
    }

    /** The client parses what is left after the last blank line when the body ends. */
    synchronized List<Event> finish() {
      List<Event> added = new ArrayList<>();
      block(pending.toString(), added);
      pending.setLength(0);
      return added;
    }

    synchronized AgUiStream snapshot() {
      return new AgUiStream(raw.toString(), events);
    }

    private void block(String block, List<Event> added) {
      String id = null;
      List<String> data = new ArrayList<>();
      for (String line : block.split("\n", -1)) {
        if (line.startsWith("data:")) {
          data.add(fieldValue(line, "data:"));
        } else if (line.startsWith("id:")) {
          id = fieldValue(line, "id:");
        }
      }
      if (data.isEmpty()) {
        return;
      }
      int index = events.size();
      String json = String.join("\n", data);
      JsonNode node;
      try {
        node = JSON.readTree(json);
      } catch (JsonProcessingException e) {
        throw new AssertionError("AG-UI event #" + index + " is not JSON: " + json, e);
      }
      if (!node.isObject() || !node.path("type").isTextual()) {
        throw new AssertionError(
            "AG-UI event #" + index + " is not an object with a string type: " + json);
      }
      Event event = new Event(index, id, node.get("type").asText(), (ObjectNode) node);
      events.add(event);
      added.add(event);
    }

    private static String fieldValue(String line, String prefix) {
      String value = line.substring(prefix.length());
      return value.startsWith(" ") ? value.substring(1) : value;
    }
  }

  /**
   * A stream read on a background thread while the run goes on: take its events one by one with a
   * timeout, or wait for its end. Closing it stops the source; nothing arriving later is added.
   */
  public static final class Live implements AutoCloseable {

    private static final Event END = new Event(-1, null, "", null);

    private final Source source;
    private final Framer framer = new Framer();
    private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
    private final CompletableFuture<AgUiStream> end = new CompletableFuture<>();
    private final Thread reader;
    private boolean closed;

    private Live(Source source) {
      this.source = source;
      reader = new Thread(this::read, "ag-ui-stream-reader");
      reader.setDaemon(true);
      reader.start();
    }

    private void read() {
      try {
        source.pump(this::received);
        AgUiStream whole;
        synchronized (framer) {
          queue.addAll(framer.finish());
          whole = framer.snapshot();
        }
        source.check(whole, true);
        end.complete(whole);
      } catch (IOException | RuntimeException | AssertionError e) {
        end.completeExceptionally(e);
      }
      queue.add(END);
    }

    private void received(String text) {
      synchronized (framer) {
        if (!closed) {
          queue.addAll(framer.feed(text));
        }
      }
    }

    /**
     * The next event not taken yet.
     *
     * @throws AssertionError if none arrives within {@code timeout}, or the body ended or broke
     */
    public Event next(Duration timeout) throws InterruptedException {
      Event event = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
      if (event == null) {
        throw new AssertionError(
            "no AG-UI event within " + timeout + "; so far: " + soFar().types());
      }
      if (event == END) {
        queue.add(END);
        ended();
        throw new AssertionError("the AG-UI stream ended; it had: " + soFar().types());
      }
      return event;
    }

    /** The next event of this type, skipping others, within {@code timeout} overall. */
    public Event nextOfType(String type, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (true) {
        Event event = next(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        if (event.type().equals(type)) {
          return event;
        }
      }
    }

    /**
     * Waits for the body to end and returns the whole stream, including the events already taken
     * with {@link #next}.
     *
     * @throws AssertionError if it does not end within {@code timeout} or broke
     */
    public AgUiStream toEnd(Duration timeout) throws InterruptedException {
      try {
        return end.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        throw new AssertionError(
            "the AG-UI stream did not end within " + timeout + "; so far: " + soFar().types());
      } catch (ExecutionException e) {
        throw broken(e);
      }
    }

    /** The events received so far. */
    public AgUiStream soFar() {
      return framer.snapshot();
    }

    /**
     * Stops reading and the source.
     *
     * @throws AssertionError if what the source saw so far is wrong (see {@link Source#check})
     */
    @Override
    public void close() throws IOException {
      AgUiStream seen;
      synchronized (framer) {
        closed = true;
        seen = framer.snapshot();
      }
      reader.interrupt();
      source.close();
      source.check(seen, false);
    }

    private AgUiStream ended() throws InterruptedException {
      try {
        return end.get();
      } catch (ExecutionException e) {
        throw broken(e);
      }
    }

    private static AssertionError broken(ExecutionException e) {
      return new AssertionError("reading the AG-UI stream failed: " + e.getCause(), e.getCause());
    }
  }
}
