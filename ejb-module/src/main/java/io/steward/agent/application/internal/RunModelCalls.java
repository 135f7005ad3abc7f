package io.steward.agent.application.internal;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.steward.agent.application.internal.ModelStream.Done;
import io.steward.agent.application.internal.ModelStream.Failed;
import io.steward.agent.application.internal.ModelStream.Signal;
import io.steward.agent.application.internal.ModelStream.Text;
import io.steward.agent.application.internal.ModelStream.Thinking;
import io.steward.agent.application.internal.ModelStream.ToolCallDone;
import io.steward.agent.application.internal.ModelStream.ToolCallPart;
import io.steward.provider.application.ModelCalls;
import io.steward.provider.application.ModelFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A run's calls to its model. A streamed call writes the reply as it comes (text, reasoning and
 * tool calls, each through the prompt guard), waits for a place at the workspace's {@link
 * ModelCallGate}, stops when the run is cancelled or the model falls silent, and is tried again
 * with growing pauses when it fails transiently before anything of it was streamed. A whole-answer
 * call serves the orchestrator's classifications and plans.
 */
@ApplicationScoped
public class RunModelCalls {

  /** What a client sees instead of a reply that repeated protected text. */
  static final String WITHHELD = "I can't share my instructions or internal configuration.";

  private static final Logger LOG = Logger.getLogger(RunModelCalls.class.getName());
  private static final Duration POLL = Duration.ofMillis(100);

  @Inject ModelCallGate gate;
  @Inject RunMetering metering;

  @Inject
  @ConfigProperty(name = "steward.model.timeout-seconds", defaultValue = "60")
  int timeoutSeconds;

  @Inject
  @ConfigProperty(name = "steward.model.max-retries", defaultValue = "3")
  int maxRetries;

  @Inject
  @ConfigProperty(name = "steward.model.retry-base-millis", defaultValue = "500")
  long retryBaseMillis;

  /**
   * One streamed call of the acting model, written under {@code messageId}; answers the reply (its
   * tool calls under the ids the client saw), or null when the run was cancelled meanwhile.
   */
  AiMessage stream(RunContext run, PromptGuard guard, ChatRequest request, String messageId)
      throws RunFailure, InterruptedException {
    Duration timeout = Duration.ofSeconds(timeoutSeconds);
    for (int attempt = 0; ; attempt++) {
      Attempt outcome;
      try (AutoCloseable permit = gate.enter(run.workspace(), timeout)) {
        if (permit == null) {
          throw new RunFailure(
              "MODEL_BUSY", "The workspace has too many model calls in progress; try again.");
        }
        outcome = new Streaming(run, guard, request, messageId).attempt(timeout);
      } catch (RunFailure | InterruptedException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      if (outcome.failure() == null) {
        return outcome.reply();
      }
      if (outcome.streamed() || !outcome.failure().transientFailure() || attempt >= maxRetries) {
        throw new RunFailure(outcome.failure());
      }
      long pause = retryBaseMillis << attempt;
      LOG.info(
          "Model call of run "
              + run.runId()
              + " failed with "
              + outcome.failure().code()
              + "; trying again in "
              + pause
              + " ms");
      if (!pause(run, pause)) {
        return null;
      }
    }
  }

  /**
   * One call of the acting model whose whole answer is needed (the orchestrator's), counted when it
   * came; the budget is checked first.
   */
  ModelCalls.Completion complete(RunContext run, ChatRequest request) throws RunFailure {
    metering.requireBudget(run);
    ModelCalls.Completion answer =
        ModelCalls.complete(run.model().model(), request, Duration.ofSeconds(timeoutSeconds));
    if (answer.failure() == null) {
      metering.count(run, request, answer.response());
    }
    return answer;
  }

  /** Waits {@code millis} unless the run is cancelled first; false when it was. */
  private static boolean pause(RunContext run, long millis) throws InterruptedException {
    long until = System.nanoTime() + millis * 1_000_000;
    while (System.nanoTime() < until) {
      if (run.cancelled()) {
        return false;
      }
      Thread.sleep(Math.min(POLL.toMillis(), Math.max(1, (until - System.nanoTime()) / 1_000_000)));
    }
    return true;
  }

  /** How one try of a model call ended: a reply (null: cancelled) or a failure. */
  private record Attempt(AiMessage reply, ModelFailure failure, boolean streamed) {}

  /** One try of a streamed call: the signals of its stream, written as events as they come. */
  private final class Streaming {
    private final RunContext run;
    private final AgUiWriter writer;
    private final PromptGuard guard;
    private final ChatRequest request;
    private final String messageId;
    private final Map<Integer, String> callIds = new HashMap<>();
    private final PromptGuard.Filter text;
    private final PromptGuard.Filter reasoning;

    Streaming(RunContext run, PromptGuard guard, ChatRequest request, String messageId) {
      this.run = run;
      this.writer = run.writer();
      this.guard = guard;
      this.request = request;
      this.messageId = messageId;
      this.text = guard.filter();
      this.reasoning = guard.filter();
    }

    Attempt attempt(Duration timeout) throws InterruptedException {
      ModelStream stream = new ModelStream();
      run.model().model().chat(request, stream);
      long lastSignal = System.nanoTime();
      boolean streamed = false;
      while (true) {
        if (run.cancelled()) {
          stream.cancel();
          return new Attempt(null, null, streamed);
        }
        Signal signal = stream.next(POLL);
        if (signal == null) {
          run.recorder().flushIfDue();
          if (Duration.ofNanos(System.nanoTime() - lastSignal).compareTo(timeout) > 0) {
            stream.cancel();
            return new Attempt(null, ModelFailure.timeout(), streamed);
          }
          continue;
        }
        lastSignal = System.nanoTime();
        if (signal instanceof Done done) {
          return new Attempt(done(done.response()), null, true);
        }
        if (signal instanceof Failed failed) {
          LOG.log(Level.WARNING, "Model call of run " + run.runId() + " failed", failed.error());
          return new Attempt(null, ModelFailure.of(failed.error()), streamed);
        }
        streamed = true;
        write(signal);
        if (stream.idle()) {
          run.recorder().flushIfDue();
        }
      }
    }

    /** Writes what the model streamed, through the guard. */
    private void write(Signal signal) {
      if (signal instanceof Text delta) {
        writer.reasoning(reasoning.rest());
        writer.text(text.accept(delta.delta()));
      } else if (signal instanceof Thinking thinking) {
        writer.reasoning(reasoning.accept(thinking.delta()));
      } else if (signal instanceof ToolCallPart part) {
        writer.reasoning(reasoning.rest());
        writer.text(text.rest());
        String id = callId(part.part().index(), part.part().id());
        writer.toolCallStarted(id, part.part().name(), messageId);
        arguments(id, part.part().partialArguments());
      } else if (signal instanceof ToolCallDone done) {
        ToolExecutionRequest call = done.call().toolExecutionRequest();
        String id = callId(done.call().index(), call.id());
        writer.toolCallStarted(id, call.name(), messageId);
        if (!run.argumentsStarted(id)) {
          arguments(id, call.arguments());
        }
        PromptGuard.Filter filter = run.argumentFilter(id, guard);
        writer.toolCallArguments(id, filter.rest());
        if (filter.tripped()) {
          run.withhold(id);
        }
        writer.toolCallEnded(id);
      }
    }

    /** Streams a tool call's arguments through the guard. */
    private void arguments(String callId, String fragment) {
      writer.toolCallArguments(callId, run.argumentFilter(callId, guard).accept(fragment));
    }

    /**
     * Writes what the guard held back, or, when the reply repeated protected text, what the client
     * sees instead; closes the reply's tool calls (under the ids the client saw) and counts its
     * tokens.
     */
    private AiMessage done(ChatResponse response) {
      writer.reasoning(reasoning.rest());
      writer.text(text.rest());
      if (text.tripped()) {
        LOG.warning("Run " + run.runId() + ": a reply repeating protected text was withheld");
        writer.text(WITHHELD);
      }
      AiMessage reply = response.aiMessage();
      metering.count(run, request, response);
      if (reply.hasToolExecutionRequests()) {
        List<ToolExecutionRequest> calls = new ArrayList<>();
        List<ToolExecutionRequest> requested = reply.toolExecutionRequests();
        for (int index = 0; index < requested.size(); index++) {
          ToolExecutionRequest call = requested.get(index);
          String id = callId(index, call.id());
          writer.toolCallStarted(id, call.name(), messageId);
          writer.toolCallEnded(id);
          calls.add(call.toBuilder().id(id).build());
        }
        reply = AiMessage.from(reply.text(), calls);
      }
      return text.tripped() ? AiMessage.from(WITHHELD, reply.toolExecutionRequests()) : reply;
    }

    private String callId(int index, String providerId) {
      return callIds.computeIfAbsent(
          index,
          i ->
              providerId == null || providerId.isBlank()
                  ? "call-" + UUID.randomUUID()
                  : providerId);
    }
  }
}
