package io.steward.it.support;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The harness that runs the real AG-UI client ({@link AgUiClient}) fails exactly where the client
 * would not take a run, shown against a server on loopback that answers canned streams: the {@code
 * usage} object Steward once sent, nulls, unknown keys and events, broken ordering, an HTTP error
 * and the wrong content type; and it hands back a conformant run as sent. Needs the installed
 * harness, not the Steward server.
 */
class AgUiClientIT {

  private static final String STARTED = "{'type':'RUN_STARTED','threadId':'t1','runId':'r1'}";
  private static final String TEXT =
      "{'type':'TEXT_MESSAGE_START','messageId':'m1','role':'assistant'}|"
          + "{'type':'TEXT_MESSAGE_CONTENT','messageId':'m1','delta':'Hi'}|"
          + "{'type':'TEXT_MESSAGE_END','messageId':'m1'}";
  private static final String FINISHED =
      "{'type':'RUN_FINISHED','threadId':'t1','runId':'r1','outcome':{'type':'success'}";
  private static final Duration LIMIT = Duration.ofSeconds(60);

  private final AtomicReference<Answer> answer = new AtomicReference<>();
  private final AtomicReference<String> authorization = new AtomicReference<>();
  private HttpServer server;

  private record Answer(int status, String contentType, String body) {}

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/runs",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
          Answer canned = answer.get();
          byte[] body = canned.body().getBytes(UTF_8);
          exchange.getResponseHeaders().set("Content-Type", canned.contentType());
          exchange.sendResponseHeaders(canned.status(), body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void should_hand_back_a_conformant_run_as_sent() throws Exception {
    AgUiStream stream =
        run(
            sse(
                STARTED,
                TEXT,
                FINISHED
                    + ",'usage':[{'provider':'House','model':'llama3.1','inputTokens':3,"
                    + "'outputTokens':4,'totalTokens':7}]}"));

    assertEquals(
        List.of(
            "RUN_STARTED",
            "TEXT_MESSAGE_START",
            "TEXT_MESSAGE_CONTENT",
            "TEXT_MESSAGE_END",
            "RUN_FINISHED"),
        stream.types());
    assertEquals("1", stream.events().get(0).id());
    assertEquals(7, stream.last().json().at("/usage/0/totalTokens").asInt());
    assertEquals("Bearer the-token", authorization.get());
  }

  @Test
  void should_accept_a_run_error_as_the_runs_end() throws Exception {
    AgUiStream stream =
        run(sse(STARTED, "{'type':'RUN_ERROR','message':'The budget is spent.','code':'Q'}"));

    assertEquals("RUN_ERROR", stream.last().type());
  }

  @Test
  void should_reject_usage_as_an_object() {
    assertRejected(
        sse(STARTED, FINISHED + ",'usage':{'inputTokens':3,'outputTokens':4}}"), "usage");
  }

  @Test
  void should_reject_a_null() {
    assertRejected(
        sse(
            STARTED,
            "{'type':'TOOL_CALL_START','toolCallId':'c1','toolCallName':'x','parentMessageId':null}|"
                + "{'type':'TOOL_CALL_END','toolCallId':'c1'}",
            FINISHED + "}"),
        "parentMessageId");
  }

  @Test
  void should_reject_an_unknown_key() {
    assertRejected(sse(STARTED, FINISHED + ",'tokens':7}"), "tokens");
  }

  @Test
  void should_reject_an_unknown_event_type() {
    assertRejected(sse(STARTED, "{'type':'RUN_PAUSED'}", FINISHED + "}"), "RUN_PAUSED");
  }

  @Test
  void should_reject_content_without_an_open_message() {
    assertRejected(
        sse(
            STARTED,
            "{'type':'TEXT_MESSAGE_CONTENT','messageId':'m9','delta':'x'}",
            FINISHED + "}"),
        "m9");
  }

  @Test
  void should_take_an_http_error_for_no_stream() {
    answer.set(new Answer(409, "application/problem+json", "{\"code\":\"CONFLICT\"}"));
    assertRejected(null, "HTTP 409");
  }

  @Test
  void should_take_another_content_type_for_no_stream() {
    answer.set(new Answer(200, "application/json", sse(STARTED, FINISHED + "}")));
    assertRejected(null, "application/json");
  }

  /** Runs the client against the canned answer (a 200 event stream unless one was set). */
  private AgUiStream run(String body) throws InterruptedException, IOException {
    if (body != null) {
      answer.set(new Answer(200, "text/event-stream", body));
    }
    Map<String, Object> input =
        Map.of(
            "threadId",
            "t1",
            "runId",
            "r1",
            "messages",
            List.of(Map.of("id", "u1", "role", "user", "content", "Hi")));
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/runs";
    try (AgUiStream.Live live = AgUiClient.run(url, "the-token", input)) {
      return live.toEnd(LIMIT);
    }
  }

  private void assertRejected(String body, String named) {
    AssertionError rejected = assertThrows(AssertionError.class, () -> run(body));
    assertTrue(rejected.getMessage().contains(named), rejected.getMessage());
  }

  /** An SSE body with ids: one argument per id, events within one separated by '|'. */
  private static String sse(String... groups) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < groups.length; i++) {
      body.append("id: ").append(i + 1).append('\n');
      for (String event : groups[i].split("\\|")) {
        body.append("data: ").append(event.replace('\'', '"')).append("\n\n");
      }
    }
    return body.toString();
  }
}
