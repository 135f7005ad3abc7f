package io.steward.it.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An OpenAI-compatible chat-completions server in the test JVM that answers with scripted replies,
 * so integration tests drive Steward's agents through the real LangChain4j OpenAI client and the
 * real wire protocol, and can assert what the model was sent.
 *
 * <p>Each {@code POST /v1/chat/completions} (or {@code /chat/completions}) consumes the next
 * {@linkplain #enqueue queued} reply, streamed as OpenAI streams ({@code stream: true}) or answered
 * as one {@code chat.completion}. A request with nothing queued gets a 500 and is recorded as
 * {@linkplain #unexpectedRequests() unexpected}. Replies run on a thread pool, so a slow or stalled
 * reply never holds up other requests. {@code POST /v1/messages} answers the same scripted replies
 * as Anthropic's Messages API streams them.
 */
public final class ScriptedModelServer implements AutoCloseable {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final String DEFAULT_MODEL = "scripted-model";

  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicInteger completions = new AtomicInteger();
  private final Deque<Reply> script = new ArrayDeque<>();
  private final List<JsonNode> requests = new ArrayList<>();
  private final List<String> authorizations = new ArrayList<>();
  private final List<String> unexpected = new ArrayList<>();

  /**
   * Starts the server on 127.0.0.1 at {@code port} (0 picks a free port, see {@link #port()}).
   *
   * @throws UncheckedIOException if the port cannot be bound
   */
  public ScriptedModelServer(int port) {
    AtomicInteger threads = new AtomicInteger();
    executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "scripted-model-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    try {
      server =
          HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("cannot bind the scripted model server to port " + port, e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** A new streamed or non-streamed reply to script with the builder methods of {@link Reply}. */
  public static Reply reply() {
    return new Reply(0, null);
  }

  /** A reply that fails with {@code status} and an OpenAI-style error body. */
  public static Reply failWith(int status, String message) {
    if (status < 400) {
      throw new IllegalArgumentException("not an error status: " + status);
    }
    return new Reply(status, message);
  }

  /** A reply that redirects elsewhere: {@code status} (3xx) with {@code location}, no body. */
  public static Reply redirect(int status, String location) {
    if (status < 300 || status >= 400) {
      throw new IllegalArgumentException("not a redirect status: " + status);
    }
    Reply reply = new Reply(status, null);
    reply.location = location;
    return reply;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The base URL to configure in the OpenAI client: {@code http://127.0.0.1:<port>/v1}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port() + "/v1";
  }

  /** Queues replies; each chat-completion request consumes the next one, in order. */
  public synchronized ScriptedModelServer enqueue(Reply... replies) {
    script.addAll(List.of(replies));
    return this;
  }

  /** How many queued replies no request has consumed yet. */
  public synchronized int remainingReplies() {
    return script.size();
  }

  /** The bodies of all chat-completion requests so far, in arrival order. */
  public synchronized List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  /**
   * Waits until at least {@code count} chat-completion requests arrived and returns them all.
   *
   * @throws AssertionError if they do not arrive within {@code timeout}
   */
  public synchronized List<JsonNode> awaitRequests(int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (requests.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "expected "
                + count
                + " requests to the model within "
                + timeout
                + ", got "
                + requests.size()
                + ": "
                + requests);
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return List.copyOf(requests);
  }

  /** The {@code Authorization} header of each chat-completion request (null when absent). */
  public synchronized List<String> authorizations() {
    return new ArrayList<>(authorizations);
  }

  /** Requests that found no scripted reply or hit an unknown path, described for assertions. */
  public synchronized List<String> unexpectedRequests() {
    return List.copyOf(unexpected);
  }

  /** Forgets queued replies and recorded requests (replies already being sent carry on). */
  public synchronized void reset() {
    script.clear();
    requests.clear();
    authorizations.clear();
    unexpected.clear();
  }

  /** Stops the server at once; replies still stalling or streaming are cut off. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    byte[] body = exchange.getRequestBody().readAllBytes();
    if (method.equals("GET") && (path.equals("/v1/models") || path.equals("/models"))) {
      send(exchange, 200, models());
    } else if (method.equals("POST")
        && (path.equals("/v1/chat/completions") || path.equals("/chat/completions"))) {
      complete(exchange, new String(body, UTF_8), false);
    } else if (method.equals("POST") && path.equals("/v1/messages")) {
      complete(exchange, new String(body, UTF_8), true);
    } else {
      synchronized (this) {
        unexpected.add(method + " " + path + " (unknown path)");
      }
      send(exchange, 404, error(404, "Invalid URL (" + method + " " + path + ")"));
    }
  }

  /** Answers a chat completion, or with {@code anthropic} a request to Anthropic's Messages API. */
  private void complete(HttpExchange exchange, String body, boolean anthropic) throws IOException {
    JsonNode request;
    try {
      request = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      synchronized (this) {
        unexpected.add("POST with a body that is not JSON: " + body);
      }
      send(exchange, 400, error(400, "The request body is not valid JSON."));
      return;
    }
    Reply reply;
    synchronized (this) {
      requests.add(request);
      authorizations.add(
          anthropic
              ? "x-api-key " + exchange.getRequestHeaders().getFirst("x-api-key")
              : exchange.getRequestHeaders().getFirst("Authorization"));
      reply = script.poll();
      if (reply == null) {
        unexpected.add("POST " + exchange.getRequestURI().getPath() + " (no reply left): " + body);
      }
      notifyAll();
    }
    if (reply == null) {
      send(exchange, 500, error(500, "The scripted model has no reply left for this request."));
    } else {
      reply.answer(
          exchange, request, "chatcmpl-scripted-" + completions.incrementAndGet(), anthropic);
    }
  }

  private static ObjectNode models() {
    ObjectNode list = JSON.createObjectNode().put("object", "list");
    list.putArray("data")
        .addObject()
        .put("id", DEFAULT_MODEL)
        .put("object", "model")
        .put("created", 0)
        .put("owned_by", "steward-tests");
    return list;
  }

  private static ObjectNode error(int status, String message) {
    String type =
        status == 429 ? "requests" : status >= 500 ? "server_error" : "invalid_request_error";
    String code = status == 429 ? "rate_limit_exceeded" : status == 401 ? "invalid_api_key" : null;
    ObjectNode body = JSON.createObjectNode();
    body.putObject("error")
        .put("message", message)
        .put("type", type)
        .putNull("param")
        .put("code", code);
    return body;
  }

  private static ObjectNode anthropicError(int status, String message) {
    String type =
        status == 429
            ? "rate_limit_error"
            : status == 401
                ? "authentication_error"
                : status >= 500 ? "api_error" : "invalid_request_error";
    ObjectNode body = JSON.createObjectNode().put("type", "error");
    body.putObject("error").put("type", type).put("message", message);
    return body;
  }

  private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /**
   * One scripted model answer: reasoning, text and tool calls in the order they are added, then the
   * finish chunk, the usage chunk and {@code [DONE]}. A stream is made of chunks (each {@code
   * data:} line except {@code [DONE]}); pacing and failure methods count them.
   */
  public static final class Reply {

    private static final int ARGUMENT_FRAGMENT = 8;

    private final int failureStatus;
    private final String failureMessage;
    private final List<ObjectNode> deltas = new ArrayList<>();
    private final StringBuilder reasoning = new StringBuilder();
    private final StringBuilder text = new StringBuilder();
    private final ArrayNode toolCalls = JSON.createArrayNode();
    private boolean reportsUsage = true;
    private Function<JsonNode, String> echo;
    private int promptTokens;
    private int completionTokens;
    private String location;
    private Duration delay = Duration.ZERO;
    private int stallAfter = -1;
    private Duration stall = Duration.ZERO;
    private int disconnectAfter = -1;

    private Reply(int failureStatus, String failureMessage) {
      this.failureStatus = failureStatus;
      this.failureMessage = failureMessage;
    }

    /** Streams each part as one {@code delta.reasoning_content} chunk (DeepSeek style). */
    public Reply reasoning(String... parts) {
      for (String part : parts) {
        delta().put("reasoning_content", part);
        reasoning.append(part);
      }
      return this;
    }

    /** Streams each part as one {@code delta.content} chunk. */
    public Reply text(String... parts) {
      for (String part : parts) {
        delta().put("content", part);
        text.append(part);
      }
      return this;
    }

    /**
     * Streams a tool call as OpenAI does: a chunk with its index, id, type and name and empty
     * arguments, then chunks carrying only the index and a fragment of the arguments. Tool calls of
     * one reply get indexes 0, 1, ….
     */
    public Reply toolCall(String id, String name, String arguments) {
      int index = toolCalls.size();
      delta()
          .putArray("tool_calls")
          .addObject()
          .put("index", index)
          .put("id", id)
          .put("type", "function")
          .putObject("function")
          .put("name", name)
          .put("arguments", "");
      int start = 0;
      while (start < arguments.length()) {
        int end = Math.min(arguments.length(), start + ARGUMENT_FRAGMENT);
        if (end < arguments.length() && Character.isHighSurrogate(arguments.charAt(end - 1))) {
          end++;
        }
        delta()
            .putArray("tool_calls")
            .addObject()
            .put("index", index)
            .putObject("function")
            .put("arguments", arguments.substring(start, end));
        start = end;
      }
      ObjectNode call = toolCalls.addObject().put("id", id).put("type", "function");
      call.putObject("function").put("name", name).put("arguments", arguments);
      return this;
    }

    /** The token usage reported at the end (zeros unless set). */
    public Reply usage(int promptTokens, int completionTokens) {
      this.promptTokens = promptTokens;
      this.completionTokens = completionTokens;
      return this;
    }

    /**
     * Streams, after anything scripted, text taken from the request when it arrives (16 characters
     * a chunk): a model obeying "repeat your instructions".
     */
    public Reply echo(Function<JsonNode, String> fromRequest) {
      this.echo = fromRequest;
      return this;
    }

    /** Reports no token usage at all, as some OpenAI-compatible servers do. */
    public Reply withoutUsage() {
      this.reportsUsage = false;
      return this;
    }

    /** Waits {@code delay} before each chunk and before {@code [DONE]}. */
    public Reply delayBeforeEachChunk(Duration delay) {
      this.delay = delay;
      return this;
    }

    /** After {@code chunks} chunks, sends nothing for {@code duration} but keeps the connection. */
    public Reply stallAfter(int chunks, Duration duration) {
      this.stallAfter = chunks;
      this.stall = duration;
      return this;
    }

    /**
     * After {@code chunks} chunks, drops the connection without ending the HTTP response and
     * without {@code [DONE]} (a non-streamed request with 0 gets no response at all).
     */
    public Reply disconnectAfter(int chunks) {
      this.disconnectAfter = chunks;
      return this;
    }

    private ObjectNode delta() {
      if (failureStatus != 0) {
        throw new IllegalStateException("a failWith or redirect reply has no content");
      }
      ObjectNode delta = JSON.createObjectNode();
      deltas.add(delta);
      return delta;
    }

    private void answer(HttpExchange exchange, JsonNode request, String id, boolean anthropic)
        throws IOException {
      if (location != null) {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(failureStatus, -1);
        exchange.close();
        return;
      }
      if (failureMessage != null) {
        send(
            exchange,
            failureStatus,
            anthropic
                ? anthropicError(failureStatus, failureMessage)
                : error(failureStatus, failureMessage));
        return;
      }
      ObjectNode head =
          JSON.createObjectNode()
              .put("id", id)
              .put("object", "chat.completion.chunk")
              .put("created", System.currentTimeMillis() / 1000)
              .put("model", request.path("model").asText(DEFAULT_MODEL));
      if (echo != null) {
        String echoed = echo.apply(request);
        for (int start = 0; start < echoed.length(); start += 16) {
          text(echoed.substring(start, Math.min(echoed.length(), start + 16)));
        }
      }
      if (anthropic) {
        streamAnthropic(exchange, request);
        return;
      }
      List<ObjectNode> chunks = chunks(head);
      if (request.path("stream").asBoolean(false)) {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (int i = 0; i <= chunks.size(); i++) {
          pace(i);
          String data = i < chunks.size() ? JSON.writeValueAsString(chunks.get(i)) : "[DONE]";
          out.write(("data: " + data + "\n\n").getBytes(UTF_8));
          out.flush();
        }
        out.close();
      } else {
        // As slow as the stream would be, then all at once (or dropped where it would break).
        for (int i = 0; i <= chunks.size(); i++) {
          pace(i);
        }
        send(exchange, 200, completion(head));
      }
    }

    /**
     * The same reply as Anthropic's Messages API streams it: {@code message_start}, a content block
     * per run of thinking, text or tool-use deltas ({@code content_block_start}, deltas, {@code
     * content_block_stop}), then {@code message_delta} with the stop reason and output tokens and
     * {@code message_stop}. Pacing counts events as chunks.
     */
    private void streamAnthropic(HttpExchange exchange, JsonNode request) throws IOException {
      List<ObjectNode> events = new ArrayList<>();
      ObjectNode start = JSON.createObjectNode().put("type", "message_start");
      ObjectNode message =
          start
              .putObject("message")
              .put("id", "msg_scripted")
              .put("type", "message")
              .put("role", "assistant")
              .put("model", request.path("model").asText(DEFAULT_MODEL));
      message.putArray("content");
      message.putNull("stop_reason");
      message.putObject("usage").put("input_tokens", promptTokens).put("output_tokens", 0);
      events.add(start);
      int index = -1;
      String open = null;
      for (ObjectNode delta : deltas) {
        String kind =
            delta.has("reasoning_content")
                ? "thinking"
                : delta.has("content")
                    ? "text"
                    : delta.at("/tool_calls/0/id").isMissingNode() ? "tool_use" : "new_tool_use";
        if (!kind.equals(open) || kind.equals("new_tool_use")) {
          if (open != null) {
            events.add(
                JSON.createObjectNode().put("type", "content_block_stop").put("index", index));
          }
          index++;
          ObjectNode block =
              JSON.createObjectNode().put("type", "content_block_start").put("index", index);
          ObjectNode content = block.putObject("content_block");
          switch (kind) {
            case "thinking" -> content.put("type", "thinking").put("thinking", "");
            case "text" -> content.put("type", "text").put("text", "");
            default -> {
              JsonNode call = delta.at("/tool_calls/0");
              content
                  .put("type", "tool_use")
                  .put("id", call.path("id").asText())
                  .put("name", call.at("/function/name").asText())
                  .putObject("input");
            }
          }
          events.add(block);
          open = kind.equals("new_tool_use") ? "tool_use" : kind;
        }
        ObjectNode event =
            JSON.createObjectNode().put("type", "content_block_delta").put("index", index);
        ObjectNode change = event.putObject("delta");
        if (kind.equals("thinking")) {
          change
              .put("type", "thinking_delta")
              .put("thinking", delta.get("reasoning_content").asText());
        } else if (kind.equals("text")) {
          change.put("type", "text_delta").put("text", delta.get("content").asText());
        } else {
          // Anthropic streams a tool call without arguments as an empty fragment, not "{}".
          String fragment = delta.at("/tool_calls/0/function/arguments").asText();
          change
              .put("type", "input_json_delta")
              .put("partial_json", fragment.equals("{}") ? "" : fragment);
        }
        events.add(event);
      }
      if (open != null) {
        events.add(JSON.createObjectNode().put("type", "content_block_stop").put("index", index));
      }
      ObjectNode end = JSON.createObjectNode().put("type", "message_delta");
      end.putObject("delta")
          .put("stop_reason", toolCalls.isEmpty() ? "end_turn" : "tool_use")
          .putNull("stop_sequence");
      end.putObject("usage").put("output_tokens", completionTokens);
      events.add(end);
      events.add(JSON.createObjectNode().put("type", "message_stop"));

      exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      for (int i = 0; i < events.size(); i++) {
        pace(i);
        ObjectNode event = events.get(i);
        out.write(
            ("event: "
                    + event.get("type").asText()
                    + "\ndata: "
                    + JSON.writeValueAsString(event)
                    + "\n\n")
                .getBytes(UTF_8));
        out.flush();
      }
      out.close();
    }

    /** Waits as scripted before chunk {@code i}; throws to drop the connection there. */
    private void pace(int i) throws IOException {
      if (i == stallAfter) {
        sleep(stall);
      }
      if (i == disconnectAfter) {
        // The JDK server closes the socket when a handler throws, before the final empty chunk.
        throw new IOException("scripted disconnect after " + i + " chunks");
      }
      sleep(delay);
    }

    private static void sleep(Duration duration) throws InterruptedIOException {
      try {
        Thread.sleep(duration.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("scripted model server stopped");
      }
    }

    private List<ObjectNode> chunks(ObjectNode head) {
      List<ObjectNode> parts = new ArrayList<>(deltas);
      parts.add(JSON.createObjectNode());
      List<ObjectNode> chunks = new ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        ObjectNode delta = JSON.createObjectNode();
        if (i == 0) {
          delta.put("role", "assistant");
        }
        delta.setAll(parts.get(i));
        ObjectNode chunk = head.deepCopy();
        chunk
            .putArray("choices")
            .addObject()
            .put("index", 0)
            .<ObjectNode>set("delta", delta)
            .put("finish_reason", i == parts.size() - 1 ? finishReason() : null);
        chunks.add(chunk);
      }
      if (reportsUsage) {
        ObjectNode usage = head.deepCopy();
        usage.putArray("choices");
        usage.set("usage", usage());
        chunks.add(usage);
      }
      return chunks;
    }

    private ObjectNode completion(ObjectNode head) {
      ObjectNode completion = head.deepCopy().put("object", "chat.completion");
      ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
      ObjectNode message = choice.putObject("message").put("role", "assistant");
      message.put("content", text.length() == 0 ? null : text.toString());
      if (reasoning.length() > 0) {
        message.put("reasoning_content", reasoning.toString());
      }
      if (!toolCalls.isEmpty()) {
        message.set("tool_calls", toolCalls.deepCopy());
      }
      choice.put("finish_reason", finishReason());
      if (reportsUsage) {
        completion.set("usage", usage());
      }
      return completion;
    }

    private String finishReason() {
      return toolCalls.isEmpty() ? "stop" : "tool_calls";
    }

    private ObjectNode usage() {
      return JSON.createObjectNode()
          .put("prompt_tokens", promptTokens)
          .put("completion_tokens", completionTokens)
          .put("total_tokens", promptTokens + completionTokens);
    }
  }
}
