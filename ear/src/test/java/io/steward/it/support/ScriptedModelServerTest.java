package io.steward.it.support;

import static io.steward.it.support.ScriptedModelServer.failWith;
import static io.steward.it.support.ScriptedModelServer.reply;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The scripted model speaks OpenAI's chat-completions wire format the way OpenAI sends it. */
class ScriptedModelServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration SOON = Duration.ofSeconds(5);
  private static final String STREAMED =
      "{\"model\":\"gpt-test\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
          + "\"messages\":[{\"role\":\"user\",\"content\":\"Call Acme\"}]}";
  private static final String NOT_STREAMED =
      "{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

  private final ScriptedModelServer model = new ScriptedModelServer(0);

  @AfterEach
  void stop() {
    model.close();
  }

  @Test
  void should_stream_reasoning_text_and_tool_calls_as_openai_chunks() throws Exception {
    model.enqueue(
        reply()
            .reasoning("Let me ", "think")
            .text("Hello ", "world")
            .toolCall("call_1", "create_task", "{\"title\":\"Call Acme\"}")
            .toolCall("call_2", "search", "{\"q\":\"Acme\"}")
            .usage(12, 7));

    HttpResponse<String> response = HTTP.send(post("/v1/chat/completions", STREAMED), ofString());

    assertEquals(200, response.statusCode());
    assertEquals("text/event-stream", response.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(response.body().endsWith("\n\ndata: [DONE]\n\n"), response.body());
    List<JsonNode> chunks = chunks(response.body());
    for (JsonNode chunk : chunks) {
      assertEquals("chat.completion.chunk", chunk.get("object").asText());
      assertEquals(chunks.get(0).get("id"), chunk.get("id"));
      assertEquals("gpt-test", chunk.get("model").asText());
      assertTrue(chunk.get("created").isIntegralNumber());
    }
    assertEquals("assistant", chunks.get(0).at("/choices/0/delta/role").asText());
    assertEquals(List.of("Let me ", "think"), deltas(chunks, "reasoning_content"));
    assertEquals(List.of("Hello ", "world"), deltas(chunks, "content"));

    List<JsonNode> calls = new ArrayList<>();
    chunks.forEach(chunk -> chunk.at("/choices/0/delta/tool_calls").forEach(calls::add));
    assertToolCall(calls, 0, "call_1", "create_task", "{\"title\":\"Call Acme\"}");
    assertToolCall(calls, 1, "call_2", "search", "{\"q\":\"Acme\"}");

    JsonNode finish = chunks.get(chunks.size() - 2).at("/choices/0");
    assertEquals(0, finish.get("delta").size());
    assertEquals("tool_calls", finish.get("finish_reason").asText());
    JsonNode usage = chunks.get(chunks.size() - 1);
    assertEquals(0, usage.get("choices").size());
    assertEquals(12, usage.at("/usage/prompt_tokens").asInt());
    assertEquals(7, usage.at("/usage/completion_tokens").asInt());
    assertEquals(19, usage.at("/usage/total_tokens").asInt());

    JsonNode request = model.requests().get(0);
    assertTrue(request.get("stream").asBoolean());
    assertEquals("Call Acme", request.at("/messages/0/content").asText());
    assertEquals(List.of(), model.unexpectedRequests());
    assertEquals(0, model.remainingReplies());
  }

  @Test
  void should_send_each_chunk_as_soon_as_it_is_written() throws Exception {
    model.enqueue(reply().text("first", "second").stallAfter(1, Duration.ofMinutes(1)));

    HttpResponse<InputStream> response =
        HTTP.send(post("/v1/chat/completions", STREAMED), BodyHandlers.ofInputStream());

    try (BufferedReader body = reader(response)) {
      String line = assertTimeoutPreemptively(SOON, body::readLine);
      assertTrue(line.startsWith("data: {") && line.contains("\"first\""), line);
    }
  }

  @Test
  void should_leave_out_usage_when_told_and_record_the_key_sent() throws Exception {
    model.enqueue(reply().text("no usage").withoutUsage());

    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(post("/v1/chat/completions", STREAMED), (name, value) -> true)
                .header("Authorization", "Bearer sk-test")
                .build(),
            ofString());

    List<JsonNode> chunks = chunks(response.body());
    assertEquals(List.of("no usage"), deltas(chunks, "content"));
    assertTrue(chunks.stream().noneMatch(chunk -> chunk.has("usage")), response.body());
    assertEquals(List.of("Bearer sk-test"), model.authorizations());
  }

  @Test
  void should_stream_the_same_reply_as_anthropic_messages() throws Exception {
    model.enqueue(
        reply()
            .reasoning("Hmm")
            .text("Hi ", "there")
            .toolCall("toolu_1", "search", "{}")
            .usage(9, 4));

    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    post("/v1/messages", "{\"model\":\"claude-test\",\"stream\":true}"),
                    (name, value) -> true)
                .header("x-api-key", "sk-ant")
                .build(),
            ofString());

    List<JsonNode> events = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (String block : response.body().split("\n\n")) {
      String[] lines = block.split("\n");
      JsonNode event = JSON.readTree(lines[1].substring("data: ".length()));
      assertEquals("event: " + event.get("type").asText(), lines[0], "named as its type");
      events.add(event);
      types.add(event.get("type").asText());
    }
    assertEquals(
        List.of(
            "message_start",
            "content_block_start",
            "content_block_delta",
            "content_block_stop",
            "content_block_start",
            "content_block_delta",
            "content_block_delta",
            "content_block_stop",
            "content_block_start",
            "content_block_delta",
            "content_block_delta",
            "content_block_stop",
            "message_delta",
            "message_stop"),
        types);
    assertEquals(9, events.get(0).at("/message/usage/input_tokens").asInt());
    assertEquals("thinking_delta", events.get(2).at("/delta/type").asText());
    assertEquals("there", events.get(6).at("/delta/text").asText());
    assertEquals("toolu_1", events.get(8).at("/content_block/id").asText());
    assertEquals("", events.get(10).at("/delta/partial_json").asText(), "no arguments: empty");
    assertEquals("tool_use", events.get(12).at("/delta/stop_reason").asText());
    assertEquals(4, events.get(12).at("/usage/output_tokens").asInt());
    assertEquals(List.of("x-api-key sk-ant"), model.authorizations());
  }

  @Test
  void should_answer_a_request_while_another_reply_stalls() throws Exception {
    model.enqueue(reply().text("slow").stallAfter(0, Duration.ofMinutes(1)), reply().text("fast"));
    HTTP.sendAsync(post("/v1/chat/completions", STREAMED), BodyHandlers.discarding());
    model.awaitRequests(1, SOON);

    HttpResponse<String> fast =
        assertTimeoutPreemptively(
            SOON, () -> HTTP.send(post("/v1/chat/completions", STREAMED), ofString()));

    assertEquals(List.of("fast"), deltas(chunks(fast.body()), "content"));
  }

  @Test
  void should_pace_the_chunks_as_scripted() throws Exception {
    model.enqueue(reply().text("a", "b").delayBeforeEachChunk(Duration.ofMillis(100)));

    long start = System.nanoTime();
    HTTP.send(post("/v1/chat/completions", STREAMED), ofString());

    // Two text chunks, the finish chunk, the usage chunk and [DONE].
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 500);
  }

  @Test
  void should_drop_the_connection_mid_stream_when_told() throws Exception {
    model.enqueue(reply().text("a", "b", "c").disconnectAfter(2));
    HttpResponse<InputStream> response =
        HTTP.send(post("/v1/chat/completions", STREAMED), BodyHandlers.ofInputStream());

    List<String> lines = new ArrayList<>();
    assertThrows(
        IOException.class,
        () -> {
          try (BufferedReader body = reader(response)) {
            for (String line = body.readLine(); line != null; line = body.readLine()) {
              lines.add(line);
            }
          }
        });

    // An abrupt close may also discard chunks still in flight, so fewer may arrive, never more.
    assertTrue(lines.stream().filter(line -> line.startsWith("data: ")).count() <= 2, "" + lines);
    assertFalse(lines.contains("data: [DONE]"));
  }

  @Test
  void should_answer_a_non_streamed_request_with_one_completion() throws Exception {
    model.enqueue(
        reply()
            .reasoning("hm")
            .text("Hi ", "there")
            .toolCall("call_1", "create_task", "{\"title\":\"Call Acme\"}")
            .usage(3, 4));

    HttpResponse<String> response = HTTP.send(post("/chat/completions", NOT_STREAMED), ofString());

    assertEquals(200, response.statusCode());
    JsonNode completion = JSON.readTree(response.body());
    assertEquals("chat.completion", completion.get("object").asText());
    JsonNode choice = completion.at("/choices/0");
    assertEquals("tool_calls", choice.get("finish_reason").asText());
    assertEquals("assistant", choice.at("/message/role").asText());
    assertEquals("Hi there", choice.at("/message/content").asText());
    assertEquals("hm", choice.at("/message/reasoning_content").asText());
    JsonNode call = choice.at("/message/tool_calls/0");
    assertEquals("call_1", call.get("id").asText());
    assertEquals("function", call.get("type").asText());
    assertEquals("create_task", call.at("/function/name").asText());
    assertEquals("{\"title\":\"Call Acme\"}", call.at("/function/arguments").asText());
    assertEquals(7, completion.at("/usage/total_tokens").asInt());
  }

  @Test
  void should_fail_like_openai_when_told() throws Exception {
    model.enqueue(failWith(429, "Rate limit reached"));

    HttpResponse<String> response = HTTP.send(post("/v1/chat/completions", STREAMED), ofString());

    assertEquals(429, response.statusCode());
    JsonNode error = JSON.readTree(response.body()).get("error");
    assertEquals("Rate limit reached", error.get("message").asText());
    assertEquals("rate_limit_exceeded", error.get("code").asText());
    assertTrue(error.get("type").isTextual());
    assertEquals(List.of(), model.unexpectedRequests());
  }

  @Test
  void should_redirect_when_told() throws Exception {
    model.enqueue(ScriptedModelServer.redirect(307, "http://127.0.0.1:1/v1/chat/completions"));

    HttpResponse<String> response = HTTP.send(post("/v1/chat/completions", STREAMED), ofString());

    assertEquals(307, response.statusCode(), "the test client follows no redirects either");
    assertEquals(
        "http://127.0.0.1:1/v1/chat/completions",
        response.headers().firstValue("Location").orElseThrow());
    assertEquals("", response.body());
    assertEquals(1, model.requests().size());
  }

  @Test
  void should_answer_500_and_record_a_request_it_has_no_reply_for() throws Exception {
    HttpResponse<String> response = HTTP.send(post("/v1/chat/completions", STREAMED), ofString());

    assertEquals(500, response.statusCode());
    assertEquals("server_error", JSON.readTree(response.body()).at("/error/type").asText());
    assertEquals(1, model.requests().size());
    assertEquals(1, model.unexpectedRequests().size());
    assertTrue(model.unexpectedRequests().get(0).contains("Call Acme"));
  }

  @Test
  void should_list_its_model() throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(model.baseUrl() + "/models")).build(), ofString());

    assertEquals(200, response.statusCode());
    assertEquals("scripted-model", JSON.readTree(response.body()).at("/data/0/id").asText());
  }

  @Test
  void should_time_out_waiting_for_requests_and_forget_everything_on_reset() throws Exception {
    model.enqueue(reply().text("unused"));
    assertThrows(AssertionError.class, () -> model.awaitRequests(1, Duration.ofMillis(100)));

    model.reset();

    assertEquals(0, model.remainingReplies());
    assertEquals(List.of(), model.requests());
  }

  private HttpRequest post(String path, String body) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + model.port() + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static HttpResponse.BodyHandler<String> ofString() {
    return BodyHandlers.ofString(UTF_8);
  }

  private static BufferedReader reader(HttpResponse<InputStream> response) {
    return new BufferedReader(new InputStreamReader(response.body(), UTF_8));
  }

  /** The JSON chunks of a streamed body, checking each is one {@code data:} line. */
  private static List<JsonNode> chunks(String body) throws IOException {
    List<JsonNode> chunks = new ArrayList<>();
    for (String block : body.split("\n\n")) {
      assertTrue(block.startsWith("data: ") && !block.contains("\n"), block);
      if (!block.equals("data: [DONE]")) {
        chunks.add(JSON.readTree(block.substring("data: ".length())));
      }
    }
    return chunks;
  }

  private static List<String> deltas(List<JsonNode> chunks, String field) {
    List<String> deltas = new ArrayList<>();
    for (JsonNode chunk : chunks) {
      JsonNode delta = chunk.at("/choices/0/delta/" + field);
      if (!delta.isMissingNode()) {
        deltas.add(delta.asText());
      }
    }
    return deltas;
  }

  /** A call's first fragment names it with empty arguments; the rest carry only arguments. */
  private static void assertToolCall(
      List<JsonNode> fragments, int index, String id, String name, String arguments) {
    List<JsonNode> own = new ArrayList<>();
    fragments.stream().filter(f -> f.get("index").asInt() == index).forEach(own::add);
    JsonNode first = own.get(0);
    assertEquals(id, first.get("id").asText());
    assertEquals("function", first.get("type").asText());
    assertEquals(name, first.at("/function/name").asText());
    assertEquals("", first.at("/function/arguments").asText());
    assertTrue(own.size() > 2, "arguments split across several chunks: " + own);
    StringBuilder joined = new StringBuilder();
    for (JsonNode fragment : own.subList(1, own.size())) {
      assertEquals(Set.of("index", "function"), fieldNames(fragment));
      assertEquals(Set.of("arguments"), fieldNames(fragment.get("function")));
      joined.append(fragment.at("/function/arguments").asText());
    }
    assertEquals(arguments, joined.toString());
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
