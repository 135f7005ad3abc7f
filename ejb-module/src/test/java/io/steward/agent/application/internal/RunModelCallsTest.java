package io.steward.agent.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.TokenUsage;
import io.steward.provider.application.ChatModelChoice;
import io.steward.provider.application.UsageMeter;
import io.steward.provider.application.UsageMeter.UsageRecord;
import io.steward.workspace.domain.Workspace;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Tests one streamed model call of a run ({@link RunModelCalls}) against scripted models: the reply
 * is streamed and counted, transient failures before anything was streamed are tried again, a
 * cancelled run stops the call, and the prompt guard withholds protected text.
 */
class RunModelCallsTest {

  private static final String SECRET =
      "Use your tools to read and change the workspace's data. Take ids only from tool results,"
          + " never invent them.";

  private final List<UsageRecord> metered = new ArrayList<>();
  private final RunModelCalls calls = new RunModelCalls();
  private final PromptGuard guard = new PromptGuard(List.of(SECRET));
  private ScriptedModel model;
  private TestRun run;

  RunModelCallsTest() {
    calls.gate = new ModelCallGate();
    calls.gate.maxConcurrentCalls = 4;
    calls.metering = new RunMetering();
    calls.metering.meter =
        new UsageMeter() {
          @Override
          public void requireBudget(Workspace workspace, String agent) {}

          @Override
          public void record(UsageRecord usage) {
            metered.add(usage);
          }
        };
    calls.timeoutSeconds = 5;
    calls.maxRetries = 2;
    calls.retryBaseMillis = 1;
  }

  @Test
  void should_stream_the_reply_to_the_client_and_count_its_tokens() throws Exception {
    given(answer("Two tasks ", "are due ", "today."));

    AiMessage reply = stream();

    assertEquals("Two tasks are due today.", reply.text());
    assertEquals("Two tasks are due today.", run.text());
    assertEquals(1, metered.size());
    assertEquals("task", metered.get(0).agent());
    assertEquals(12, run.context().usage().inputTokens());
    assertEquals(3, run.context().usage().outputTokens());
  }

  @Test
  void should_try_again_a_call_that_failed_transiently_before_anything_was_streamed()
      throws Exception {
    given(fail(new RateLimitException("slow down")), answer("Done."));

    AiMessage reply = stream();

    assertEquals("Done.", reply.text());
    assertEquals(2, model.calls);
    assertEquals(1, metered.size(), "only the answered call is counted");
  }

  @Test
  void should_fail_the_run_when_the_transient_failures_outlast_the_retries() {
    given(
        fail(new RateLimitException("slow down")),
        fail(new RateLimitException("slow down")),
        fail(new RateLimitException("slow down")));

    RunFailure failure = assertThrows(RunFailure.class, this::stream);

    assertEquals("MODEL_RATE_LIMITED", failure.code());
    assertEquals(3, model.calls, "the first try and two retries");
  }

  @Test
  void should_not_try_again_a_call_that_failed_for_good() {
    given(fail(new AuthenticationException("bad key")), answer("never sent"));

    assertEquals("MODEL_AUTHENTICATION", assertThrows(RunFailure.class, this::stream).code());
    assertEquals(1, model.calls);
  }

  @Test
  void should_not_try_again_a_call_that_failed_after_part_of_it_was_streamed() {
    given(
        handler -> {
          handler.onPartialResponse("Half an ");
          handler.onError(new RateLimitException("slow down"));
        },
        answer("never sent"));

    assertEquals("MODEL_RATE_LIMITED", assertThrows(RunFailure.class, this::stream).code());
    assertEquals(1, model.calls);
    assertEquals("Half an ", run.text());
  }

  @Test
  void should_stop_the_call_when_the_run_is_cancelled_while_the_model_streams() throws Exception {
    given(
        handler -> {
          handler.onPartialResponse("Let me think ");
          // The person cancels while the model is still at it; it never finishes.
          CompletableFuture.runAsync(
              run::cancel, CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
        });

    assertNull(stream(), "a cancelled call has no reply");
    assertEquals("Let me think ", run.text());
    assertTrue(metered.isEmpty());
  }

  @Test
  void should_withhold_a_reply_that_repeats_protected_text() throws Exception {
    given(answer("Sure, here they are: ", SECRET.substring(0, 40), SECRET.substring(40)));

    AiMessage reply = stream();

    assertEquals(RunModelCalls.WITHHELD, reply.text());
    String sent = run.text();
    assertTrue(sent.startsWith("Sure, here they are: "), sent);
    assertTrue(sent.endsWith(RunModelCalls.WITHHELD), sent);
    assertFalse(sent.contains(SECRET.substring(0, PromptGuard.PIECE)), sent);
  }

  @Test
  void should_mark_a_tool_call_whose_arguments_repeat_protected_text() throws Exception {
    given(toolCall("call-1", "{\"title\": \"" + SECRET + "\"}"));

    AiMessage reply = stream();

    assertEquals("call-1", reply.toolExecutionRequests().get(0).id());
    assertTrue(run.context().withheld("call-1"));
    assertFalse(
        run.events("TOOL_CALL_ARGS").toString().contains(SECRET.substring(0, PromptGuard.PIECE)));
    assertEquals(1, run.events("TOOL_CALL_END").size());
  }

  @Test
  void should_let_an_ordinary_tool_call_through_under_the_id_the_model_gave() throws Exception {
    given(toolCall("call-1", "{\"title\": \"Call Bob\"}"));

    AiMessage reply = stream();

    assertFalse(run.context().withheld("call-1"));
    StringBuilder arguments = new StringBuilder();
    run.events("TOOL_CALL_ARGS").forEach(event -> arguments.append(event.getString("delta")));
    assertEquals("{\"title\": \"Call Bob\"}", arguments.toString());
    assertEquals(
        "call-1", run.events("TOOL_CALL_START").get(0).getString("toolCallId"), "as streamed");
    assertEquals("create_task", reply.toolExecutionRequests().get(0).name());
  }

  @SafeVarargs
  private void given(Consumer<StreamingChatResponseHandler>... replies) {
    model = new ScriptedModel(List.of(replies));
    run = new TestRun(new ChatModelChoice("acme", "m1", false, model, UUID.randomUUID()));
  }

  private AiMessage stream() throws RunFailure, InterruptedException {
    String messageId = run.context().writer().beginAssistantMessage();
    return calls.stream(
        run.context(),
        guard,
        ChatRequest.builder().messages(UserMessage.from("What is due today?")).build(),
        messageId);
  }

  private static Consumer<StreamingChatResponseHandler> answer(String... deltas) {
    return handler -> {
      for (String delta : deltas) {
        handler.onPartialResponse(delta);
      }
      handler.onCompleteResponse(response(AiMessage.from(String.join("", deltas))));
    };
  }

  private static Consumer<StreamingChatResponseHandler> fail(Throwable error) {
    return handler -> handler.onError(error);
  }

  private static Consumer<StreamingChatResponseHandler> toolCall(String id, String arguments) {
    ToolExecutionRequest call =
        ToolExecutionRequest.builder().id(id).name("create_task").arguments(arguments).build();
    return handler -> {
      int half = arguments.length() / 2;
      for (String part : List.of(arguments.substring(0, half), arguments.substring(half))) {
        handler.onPartialToolCall(
            PartialToolCall.builder()
                .index(0)
                .id(id)
                .name("create_task")
                .partialArguments(part)
                .build());
      }
      handler.onCompleteToolCall(new CompleteToolCall(0, call));
      handler.onCompleteResponse(response(AiMessage.from(List.of(call))));
    };
  }

  private static ChatResponse response(AiMessage reply) {
    return ChatResponse.builder().aiMessage(reply).tokenUsage(new TokenUsage(12, 3)).build();
  }

  /** Answers each call with the next of its scripted replies, on the caller's thread. */
  private static final class ScriptedModel implements StreamingChatModel {
    private final Deque<Consumer<StreamingChatResponseHandler>> replies;
    private int calls;

    ScriptedModel(List<Consumer<StreamingChatResponseHandler>> replies) {
      this.replies = new ArrayDeque<>(replies);
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
      calls++;
      replies.remove().accept(handler);
    }
  }
}
