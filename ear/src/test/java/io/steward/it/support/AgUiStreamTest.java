package io.steward.it.support;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** AG-UI streams are framed and checked the way the strict {@code @ag-ui/client} does it. */
class AgUiStreamTest {

  private static final String STARTED = "{'type':'RUN_STARTED','threadId':'t1','runId':'r1'}";
  private static final String FINISHED = "{'type':'RUN_FINISHED','threadId':'t1','runId':'r1'}";
  private static final Duration SOON = Duration.ofSeconds(5);

  @Test
  void should_accept_a_well_formed_run_and_read_it_back() {
    String body =
        ": connected\n\n"
            + "id: 1\n"
            + data(STARTED)
            + "id: 2\n"
            + data("{'type':'STEP_STARTED','stepName':'plan'}")
            + data("{'type':'REASONING_START','messageId':'r0'}")
            + data("{'type':'REASONING_MESSAGE_START','messageId':'r0','role':'reasoning'}")
            + data("{'type':'REASONING_MESSAGE_CONTENT','messageId':'r0','delta':'Hmm'}")
            + data("{'type':'REASONING_MESSAGE_END','messageId':'r0'}")
            + data("{'type':'REASONING_END','messageId':'r0'}")
            + data("{'type':'TEXT_MESSAGE_START','messageId':'m1','role':'assistant'}")
            + data("{'type':'TEXT_MESSAGE_CONTENT','messageId':'m1','delta':'Hello '}")
            + "id: 3\n"
            + "data: {'type':'TEXT_MESSAGE_CONTENT',\n".replace('\'', '"')
            + data("'messageId':'m1','delta':'world'}")
            + data("{'type':'TEXT_MESSAGE_END','messageId':'m1'}")
            + data(
                "{'type':'TOOL_CALL_START','toolCallId':'c1','toolCallName':'create_task',"
                    + "'parentMessageId':'m1'}")
            + data("{'type':'TOOL_CALL_ARGS','toolCallId':'c1','delta':'{\\'title\\':'}")
            + data("{'type':'TOOL_CALL_ARGS','toolCallId':'c1','delta':'\\'Call Acme\\'}'}")
            + data("{'type':'TOOL_CALL_END','toolCallId':'c1'}")
            + data(
                "{'type':'TOOL_CALL_RESULT','messageId':'m2','toolCallId':'c1','content':'done'}")
            + data("{'type':'CUSTOM','name':'chart','value':{'kind':'bar'},'timestamp':17}")
            + data("{'type':'STEP_FINISHED','stepName':'plan'}")
            + "id: 10\n"
            + data(
                "{'type':'RUN_FINISHED','threadId':'t1','runId':'r1',"
                    + "'outcome':{'type':'success'}}");

    AgUiStream stream = AgUiStream.parse(body).verify();

    assertEquals(body, stream.raw());
    assertEquals(19, stream.events().size());
    assertEquals("RUN_STARTED", stream.types().get(0));
    assertEquals("1", stream.events().get(0).id());
    assertEquals("Hello world", stream.text());
    assertEquals(Map.of("create_task", "{\"title\":\"Call Acme\"}"), stream.toolCalls());
    assertEquals(Map.of("create_task", "done"), stream.toolResults());
    assertEquals("done", stream.toolResult("c1"));
    assertThrows(AssertionError.class, () -> stream.toolResult("c9"));
    assertEquals("bar", stream.customEvents("chart").get(0).get("kind").asText());
    assertEquals(2, stream.ofType("TOOL_CALL_ARGS").size());
    assertEquals("RUN_FINISHED", stream.last().type());
    assertEquals("success", stream.last().json().at("/outcome/type").asText());
    assertEquals("10", stream.lastId());
  }

  static Stream<Arguments> bad_runs() {
    return Stream.of(
        bad(
            "null in an optional field",
            "#1 TEXT_MESSAGE_START: null at /role",
            STARTED,
            "{'type':'TEXT_MESSAGE_START','messageId':'m1','role':null}"),
        bad(
            "null deep in a value",
            "#1 CUSTOM: null at /value/rows/0",
            STARTED,
            "{'type':'CUSTOM','name':'table','value':{'rows':[null]}}"),
        bad(
            "content without a start",
            "#1 TEXT_MESSAGE_CONTENT: no open text message 'm1'",
            STARTED,
            "{'type':'TEXT_MESSAGE_CONTENT','messageId':'m1','delta':'Hi'}"),
        bad(
            "a message opened twice",
            "#2 TEXT_MESSAGE_START: the text message 'm1' is already open",
            STARTED,
            "{'type':'TEXT_MESSAGE_START','messageId':'m1'}",
            "{'type':'TEXT_MESSAGE_START','messageId':'m1'}"),
        bad(
            "an empty text delta",
            "#2 TEXT_MESSAGE_CONTENT: 'delta' must be a non-empty string",
            STARTED,
            "{'type':'TEXT_MESSAGE_START','messageId':'m1'}",
            "{'type':'TEXT_MESSAGE_CONTENT','messageId':'m1','delta':''}"),
        bad(
            "arguments without a tool call start",
            "#1 TOOL_CALL_ARGS: no open tool call 'c1'",
            STARTED,
            "{'type':'TOOL_CALL_ARGS','toolCallId':'c1','delta':'{}'}"),
        bad(
            "finishing with an open tool call",
            "#2 RUN_FINISHED: tool calls are still open: [c1]",
            STARTED,
            "{'type':'TOOL_CALL_START','toolCallId':'c1','toolCallName':'search'}",
            FINISHED),
        bad(
            "a tool result before the call ended",
            "#2 TOOL_CALL_RESULT: a result for tool call 'c1', which was not started and ended",
            STARTED,
            "{'type':'TOOL_CALL_START','toolCallId':'c1','toolCallName':'search'}",
            "{'type':'TOOL_CALL_RESULT','messageId':'m2','toolCallId':'c1','content':'x'}"),
        bad(
            "a missing required field",
            "#1 TOOL_CALL_START: the required field 'toolCallName' is missing",
            STARTED,
            "{'type':'TOOL_CALL_START','toolCallId':'c1'}"),
        bad(
            "a reasoning message outside a reasoning block",
            "#1 REASONING_MESSAGE_START: a reasoning message outside",
            STARTED,
            "{'type':'REASONING_MESSAGE_START','messageId':'r1','role':'reasoning'}"),
        bad(
            "a reasoning block ending around an open message",
            "#3 REASONING_END: reasoning messages are still open: [r1]",
            STARTED,
            "{'type':'REASONING_START','messageId':'r1'}",
            "{'type':'REASONING_MESSAGE_START','messageId':'r1','role':'reasoning'}",
            "{'type':'REASONING_END','messageId':'r1'}"),
        bad(
            "a step finished but never started",
            "#1 STEP_FINISHED: no open step 'plan'",
            STARTED,
            "{'type':'STEP_FINISHED','stepName':'plan'}"),
        bad(
            "finishing with an open step",
            "#2 RUN_FINISHED: steps are still open: [plan]",
            STARTED,
            "{'type':'STEP_STARTED','stepName':'plan'}",
            FINISHED),
        bad(
            "a first event other than RUN_STARTED",
            "#0 TEXT_MESSAGE_START: the first event must be RUN_STARTED",
            "{'type':'TEXT_MESSAGE_START','messageId':'m1'}"),
        bad(
            "an event after RUN_FINISHED",
            "#2 CUSTOM: only a new RUN_STARTED may follow RUN_FINISHED",
            STARTED,
            FINISHED,
            "{'type':'CUSTOM','name':'late','value':1}"),
        bad(
            "a new run after RUN_ERROR",
            "#2 RUN_STARTED: nothing may follow RUN_ERROR",
            STARTED,
            "{'type':'RUN_ERROR','message':'boom'}",
            STARTED),
        bad(
            "a second RUN_STARTED inside a run",
            "#1 RUN_STARTED: run 'r1' is still active",
            STARTED,
            STARTED),
        bad(
            "RUN_FINISHED for another run",
            "#1 RUN_FINISHED: its runId is not the runId of RUN_STARTED",
            STARTED,
            "{'type':'RUN_FINISHED','threadId':'t1','runId':'r2'}"),
        bad(
            "a run left open",
            "#1 CUSTOM: the stream ends with run 'r1' still active",
            STARTED,
            "{'type':'CUSTOM','name':'x','value':1}"),
        bad(
            "an unknown event type",
            "#1 TEXT_MESSAGE_STARTED: unknown event type",
            STARTED,
            "{'type':'TEXT_MESSAGE_STARTED','messageId':'m1'}"),
        bad(
            "a string timestamp",
            "#1 CUSTOM: 'timestamp' must be an integer",
            STARTED,
            "{'type':'CUSTOM','name':'x','value':1,'timestamp':'now'}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bad_runs")
  void should_reject(String problem, String message, String body) {
    AgUiStream stream = AgUiStream.parse(body);

    AssertionError error = assertThrows(AssertionError.class, stream::verify);

    assertTrue(error.getMessage().startsWith("AG-UI event " + message), error.getMessage());
  }

  @Test
  void should_reject_event_ids_that_do_not_increase() {
    AgUiStream stream =
        AgUiStream.parse(
            "id: 7\n" + data(STARTED) + "id: 7\n" + data("{'type':'CUSTOM','name':'x','value':1}"));

    AssertionError error = assertThrows(AssertionError.class, stream::verify);

    assertTrue(error.getMessage().contains("#1 CUSTOM: its id 7 does not increase"));
  }

  @Test
  void should_reject_crlf_framing() {
    String body = data(STARTED).replace("\n", "\r\n") + data(FINISHED).replace("\n", "\r\n");

    AssertionError error = assertThrows(AssertionError.class, () -> AgUiStream.parse(body));

    assertTrue(error.getMessage().contains("carriage return at offset"), error.getMessage());
  }

  @Test
  void should_reject_data_that_is_not_a_json_event() {
    AssertionError error =
        assertThrows(
            AssertionError.class, () -> AgUiStream.parse(data(STARTED) + "data: {\"type\":\n\n"));

    assertTrue(error.getMessage().startsWith("AG-UI event #1 is not JSON"), error.getMessage());
  }

  @Test
  void should_accept_a_new_run_after_a_finished_one() {
    AgUiStream.parse(
            data(STARTED)
                + data(FINISHED)
                + data("{'type':'RUN_STARTED','threadId':'t1','runId':'r2'}")
                + data("{'type':'RUN_ERROR','message':'boom','code':'MODEL_FAILED'}"))
        .verify();
  }

  @Test
  void should_accept_a_tool_result_for_a_call_ended_in_an_earlier_stream() {
    AgUiStream interrupted =
        AgUiStream.parse(
            data(STARTED)
                + data("{'type':'TOOL_CALL_START','toolCallId':'c1','toolCallName':'send_mail'}")
                + data("{'type':'TOOL_CALL_END','toolCallId':'c1'}")
                + data(
                    "{'type':'RUN_FINISHED','threadId':'t1','runId':'r1','outcome':"
                        + "{'type':'interrupt','interrupts':[{'id':'i1','reason':'approval'}]}}"));
    AgUiStream resumed =
        AgUiStream.parse(
            data("{'type':'RUN_STARTED','threadId':'t1','runId':'r2'}")
                + data(
                    "{'type':'TOOL_CALL_RESULT','messageId':'m9','toolCallId':'c1','content':'sent'}")
                + data("{'type':'RUN_FINISHED','threadId':'t1','runId':'r2'}"));

    assertThrows(AssertionError.class, resumed::verify);
    resumed.verify(interrupted.verify());
    assertEquals(Map.of("c1", "sent"), resumed.toolResults());
  }

  @Test
  void should_hand_out_live_events_as_they_arrive() throws Exception {
    PipedOutputStream server = new PipedOutputStream();
    try (AgUiStream.Live live = AgUiStream.live(new PipedInputStream(server, 1 << 16))) {
      String started = "id: 1\n" + data(STARTED);
      server.write(started.substring(0, 20).getBytes(UTF_8));
      server.flush();
      assertThrows(AssertionError.class, () -> live.next(Duration.ofMillis(200)));
      server.write(started.substring(20).getBytes(UTF_8));
      server.flush();

      assertEquals("RUN_STARTED", live.next(SOON).type());
      assertThrows(AssertionError.class, () -> live.next(Duration.ofMillis(200)));

      server.write(
          (data("{'type':'CUSTOM','name':'progress','value':50}")
                  + data("{'type':'STEP_STARTED','stepName':'s'}")
                  + data("{'type':'STEP_FINISHED','stepName':'s'}"))
              .getBytes(UTF_8));
      server.flush();
      assertEquals("s", live.nextOfType("STEP_FINISHED", SOON).field("stepName"));
      assertEquals(4, live.soFar().events().size());

      server.write(("id: 2\n" + data(FINISHED)).getBytes(UTF_8));
      server.close();
      AgUiStream whole = live.toEnd(SOON).verify();

      assertEquals(
          List.of("RUN_STARTED", "CUSTOM", "STEP_STARTED", "STEP_FINISHED", "RUN_FINISHED"),
          whole.types());
      assertEquals("2", whole.lastId());
      assertEquals("RUN_FINISHED", live.next(SOON).type());
      AssertionError ended = assertThrows(AssertionError.class, () -> live.next(SOON));
      assertTrue(ended.getMessage().startsWith("the AG-UI stream ended"), ended.getMessage());
    }
  }

  /** One SSE event; single quotes stand for double quotes to keep the JSON readable. */
  private static String data(String json) {
    return "data: " + json.replace('\'', '"') + "\n\n";
  }

  private static Arguments bad(String problem, String message, String... events) {
    StringBuilder body = new StringBuilder();
    for (String event : events) {
      body.append(data(event));
    }
    return Arguments.of(problem, message, body.toString());
  }
}
