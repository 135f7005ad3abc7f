package io.steward.agent.application.internal;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.steward.agent.application.ActionPolicy;
import io.steward.agent.application.ActionPolicy.ProposedAction;
import io.steward.agent.application.Agent;
import io.steward.agent.application.AgentRegistry;
import io.steward.agent.application.AgentRouter;
import io.steward.agent.application.AgentTool;
import io.steward.agent.application.EntityRef;
import io.steward.agent.application.RunRequest.ContextItem;
import io.steward.agent.application.ToolArguments;
import io.steward.agent.application.ToolOutcome;
import io.steward.agent.application.internal.ModelStream.Done;
import io.steward.agent.application.internal.ModelStream.Failed;
import io.steward.agent.application.internal.ModelStream.Signal;
import io.steward.agent.application.internal.ModelStream.Text;
import io.steward.agent.application.internal.ModelStream.Thinking;
import io.steward.agent.application.internal.ModelStream.ToolCallDone;
import io.steward.agent.application.internal.ModelStream.ToolCallPart;
import io.steward.agent.domain.RunStatus;
import io.steward.provider.application.AgentSetup;
import io.steward.provider.application.ChatModelChoice;
import io.steward.provider.application.ModelFailure;
import io.steward.provider.application.ModelResolver;
import io.steward.provider.application.UsageMeter;
import io.steward.provider.application.UsageMeter.UsageRecord;
import io.steward.shared.domain.QuotaExceededException;
import io.steward.shared.domain.StewardException;
import io.steward.workspace.application.CurrentCaller;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Executes a run on a container thread, outside any transaction: routes the message to an agent,
 * then alternates model calls (streamed as text, reasoning and tool-call events) and tool calls
 * (each a transaction of its own, as the person who started the run with the agent acting for them)
 * until the model answers without tools, and records every event as it goes.
 */
@Stateless
public class RunExecutor {

  static final String RUN_EVENT_NAME = "steward.run";
  private static final Logger LOG = Logger.getLogger(RunExecutor.class.getName());
  private static final Duration POLL = Duration.ofMillis(100);
  private static final int MAX_TOOL_RESULT_CHARS = 20_000;

  @Inject CurrentCaller currentCaller;
  @Inject RunStore store;
  @Inject ActionPolicy policy;
  @Inject AgentRouter router;
  @Inject AgentRegistry registry;
  @Inject LiveRuns liveRuns;
  @Inject ToolTransactions toolTransactions;
  @Inject ModelResolver models;
  @Inject UsageMeter meter;
  @Inject ModelCallGate gate;

  @Inject
  @ConfigProperty(name = "steward.model.timeout-seconds", defaultValue = "60")
  int timeoutSeconds;

  @Inject
  @ConfigProperty(name = "steward.agent.max-model-calls", defaultValue = "8")
  int maxModelCalls;

  @Inject
  @ConfigProperty(name = "steward.model.max-retries", defaultValue = "3")
  int maxRetries;

  @Inject
  @ConfigProperty(name = "steward.model.retry-base-millis", defaultValue = "500")
  long retryBaseMillis;

  @Asynchronous
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void execute(RunJob job) {
    currentCaller.set(job.caller());
    new Execution(job).run();
  }

  /** The state of one run while it executes. */
  private final class Execution {
    private final RunJob job;
    private final RunRecorder recorder;
    private final AgUiWriter writer;
    private final Blocks blocks = new Blocks();
    private Agent agent;
    private ChatModelChoice model;
    private long inputTokens;
    private long outputTokens;

    Execution(RunJob job) {
      this.job = job;
      this.recorder = new RunRecorder(job.run(), job.live(), store);
      this.writer =
          new AgUiWriter(job.threadId(), job.runId(), recorder::record, Clock.systemUTC());
    }

    void run() {
      RunStatus status = RunStatus.SUCCEEDED;
      String errorCode = null;
      try {
        writer.runStarted();
        route();
        currentCaller.actAs(agent.name());
        writer.custom(
            RUN_EVENT_NAME,
            Json.createObjectBuilder()
                .add("agent", agent.name())
                .add("model", model.name())
                .add("offline", model.offline())
                .build());
        boolean cancelled = converse();
        status = cancelled ? RunStatus.CANCELLED : RunStatus.SUCCEEDED;
        writer.runFinished(cancelled ? "cancelled" : "success", usage());
      } catch (RunFailure failure) {
        status = RunStatus.FAILED;
        errorCode = failure.code();
        writer.runError(failure.getMessage(), failure.code());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        status = RunStatus.FAILED;
        errorCode = "INTERRUPTED";
        writer.runError("The run was interrupted.", errorCode);
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "Run " + job.runId() + " failed", e);
        status = RunStatus.FAILED;
        errorCode = "INTERNAL";
        writer.runError("The run failed unexpectedly.", errorCode);
      } finally {
        complete(status, errorCode);
      }
    }

    private void complete(RunStatus status, String errorCode) {
      try {
        recorder.flush();
        store.finish(job.run(), status, errorCode, inputTokens, outputTokens, recorder.count());
        store.remember(
            job.workspace().id(),
            job.threadId(),
            job.caller().userId(),
            job.conversation().messagesJson(),
            job.conversation().idsJson());
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "Could not store the end of run " + job.runId(), e);
      } finally {
        job.live().end();
        liveRuns.close(job.live());
      }
    }

    /** Picks the agent (unless the client named one) and the model it runs with. */
    private void route() throws RunFailure {
      writer.stepStarted("routing");
      agent = job.agent();
      if (agent == null) {
        agent = router.route(job.conversation().lastUserText()).agent();
      }
      model = job.model();
      if (model == null) {
        try {
          model = models.forAgent(job.workspace().id(), agent.name());
        } catch (StewardException e) {
          throw new RunFailure("MODEL_NOT_CONFIGURED", e.getMessage());
        }
      }
      if (job.agent() == null || job.model() == null) {
        store.routed(job.run(), agent.name(), model.name());
      }
      writer.stepFinished("routing");
    }

    /** Model calls and tool calls until the model answers; true when the run was cancelled. */
    private boolean converse() throws RunFailure, InterruptedException {
      AgentSetup setup = models.setup(job.workspace().id(), agent.name());
      Map<String, AgentTool> tools = new LinkedHashMap<>();
      List<ToolSpecification> specifications = new ArrayList<>();
      for (AgentTool tool : registry.toolsOf(agent)) {
        if (!setup.disabledTools().contains(tool.name())) {
          tools.put(tool.name(), tool);
          specifications.add(tool.specification());
        }
      }
      specifications.add(Blocks.TOOL);
      SystemMessage instructions = SystemMessage.from(systemPrompt(setup));
      for (int call = 0; call < maxModelCalls; call++) {
        if (cancelled()) {
          return true;
        }
        requireBudget();
        writer.stepStarted("answer");
        String messageId = writer.beginAssistantMessage();
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(instructions);
        messages.addAll(job.conversation().messages());
        AiMessage reply =
            callModel(
                ChatRequest.builder().messages(messages).toolSpecifications(specifications).build(),
                messageId);
        writer.stepFinished("answer");
        if (reply == null) {
          return true;
        }
        job.conversation().add(reply, messageId);
        if (!reply.hasToolExecutionRequests()) {
          return false;
        }
        writer.stepStarted("tools");
        for (ToolExecutionRequest request : reply.toolExecutionRequests()) {
          if (cancelled()) {
            return true;
          }
          runTool(tools.get(request.name()), request);
        }
        writer.stepFinished("tools");
      }
      writer.stepStarted("answer");
      writer.beginAssistantMessage();
      writer.text("I stopped here: this needed more than " + maxModelCalls + " model calls.");
      writer.stepFinished("answer");
      return false;
    }

    private void requireBudget() throws RunFailure {
      if (model.offline()) {
        return;
      }
      try {
        meter.requireBudget(job.workspace(), agent.name());
      } catch (QuotaExceededException e) {
        throw new RunFailure("QUOTA_EXCEEDED", e.getMessage());
      }
    }

    /**
     * One streamed model call, tried again with growing pauses when it fails transiently before
     * anything of it was streamed; null when the run was cancelled meanwhile.
     */
    private AiMessage callModel(ChatRequest request, String messageId)
        throws RunFailure, InterruptedException {
      Duration timeout = Duration.ofSeconds(timeoutSeconds);
      for (int attempt = 0; ; attempt++) {
        Attempt outcome;
        try (AutoCloseable permit = gate.enter(job.workspace().id(), timeout)) {
          if (permit == null) {
            throw new RunFailure(
                "MODEL_BUSY", "The workspace has too many model calls in progress; try again.");
          }
          outcome = attempt(request, messageId, timeout);
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
                + job.runId()
                + " failed with "
                + outcome.failure().code()
                + "; trying again in "
                + pause
                + " ms");
        long until = System.nanoTime() + pause * 1_000_000;
        while (System.nanoTime() < until) {
          if (cancelled()) {
            return null;
          }
          Thread.sleep(
              Math.min(POLL.toMillis(), Math.max(1, (until - System.nanoTime()) / 1_000_000)));
        }
      }
    }

    /** How one try of a model call ended: a reply (null: cancelled) or a failure. */
    private record Attempt(AiMessage reply, ModelFailure failure, boolean streamed) {}

    private Attempt attempt(ChatRequest request, String messageId, Duration timeout)
        throws InterruptedException {
      ModelStream stream = new ModelStream();
      model.model().chat(request, stream);
      Map<Integer, String> callIds = new HashMap<>();
      Set<String> withArguments = new HashSet<>();
      long lastSignal = System.nanoTime();
      boolean streamed = false;
      while (true) {
        if (cancelled()) {
          stream.cancel();
          return new Attempt(null, null, streamed);
        }
        Signal signal = stream.next(POLL);
        if (signal == null) {
          recorder.flushIfDue();
          if (Duration.ofNanos(System.nanoTime() - lastSignal).compareTo(timeout) > 0) {
            stream.cancel();
            return new Attempt(null, ModelFailure.timeout(), streamed);
          }
          continue;
        }
        lastSignal = System.nanoTime();
        if (signal instanceof Done done) {
          return new Attempt(finish(request, done.response(), callIds, messageId), null, true);
        }
        if (signal instanceof Failed failed) {
          LOG.log(Level.WARNING, "Model call of run " + job.runId() + " failed", failed.error());
          return new Attempt(null, ModelFailure.of(failed.error()), streamed);
        }
        streamed = true;
        if (signal instanceof Text text) {
          writer.text(text.delta());
        } else if (signal instanceof Thinking thinking) {
          writer.reasoning(thinking.delta());
        } else if (signal instanceof ToolCallPart part) {
          String id = callId(callIds, part.part().index(), part.part().id());
          writer.toolCallStarted(id, part.part().name(), messageId);
          writer.toolCallArguments(id, part.part().partialArguments());
          withArguments.add(id);
        } else if (signal instanceof ToolCallDone done) {
          ToolExecutionRequest call = done.call().toolExecutionRequest();
          String id = callId(callIds, done.call().index(), call.id());
          writer.toolCallStarted(id, call.name(), messageId);
          if (!withArguments.contains(id)) {
            writer.toolCallArguments(id, call.arguments());
          }
          writer.toolCallEnded(id);
        }
        if (stream.idle()) {
          recorder.flushIfDue();
        }
      }
    }

    /** Closes the reply's tool calls (under the ids the client saw) and counts its tokens. */
    private AiMessage finish(
        ChatRequest request,
        ChatResponse response,
        Map<Integer, String> callIds,
        String messageId) {
      AiMessage reply = response.aiMessage();
      count(request, reply, response.tokenUsage());
      if (!reply.hasToolExecutionRequests()) {
        return reply;
      }
      List<ToolExecutionRequest> calls = new ArrayList<>();
      List<ToolExecutionRequest> requested = reply.toolExecutionRequests();
      for (int index = 0; index < requested.size(); index++) {
        ToolExecutionRequest call = requested.get(index);
        String id = callId(callIds, index, call.id());
        writer.toolCallStarted(id, call.name(), messageId);
        writer.toolCallEnded(id);
        calls.add(call.toBuilder().id(id).build());
      }
      return AiMessage.from(reply.text(), calls);
    }

    private String callId(Map<Integer, String> callIds, int index, String providerId) {
      return callIds.computeIfAbsent(
          index,
          i ->
              providerId == null || providerId.isBlank()
                  ? "call-" + UUID.randomUUID()
                  : providerId);
    }

    /**
     * Adds a call's tokens to the run and, for hosted models, records them as usage: the provider's
     * figures, or a rough estimate (about four characters a token of what was sent and received)
     * when it gave none. The offline model costs nothing and is not metered.
     */
    private void count(ChatRequest request, AiMessage reply, TokenUsage usage) {
      boolean estimated =
          usage == null || usage.inputTokenCount() == null || usage.outputTokenCount() == null;
      if (model.offline()) {
        inputTokens += estimated ? 0 : usage.inputTokenCount();
        outputTokens += estimated ? 0 : usage.outputTokenCount();
        return;
      }
      long in = estimated ? estimateTokens(request.toString()) : usage.inputTokenCount();
      long out = estimated ? estimateTokens(reply.toString()) : usage.outputTokenCount();
      inputTokens += in;
      outputTokens += out;
      meter.record(
          new UsageRecord(
              job.workspace(),
              job.run(),
              agent.name(),
              model,
              job.caller().userId(),
              in,
              out,
              estimated));
    }

    private void runTool(AgentTool tool, ToolExecutionRequest request) {
      List<JsonObject> shown = new ArrayList<>();
      String content = toolResult(tool, request, shown);
      String resultId = writer.toolCallResult(request.id(), content);
      job.conversation().add(ToolExecutionResultMessage.from(request, content), resultId);
      shown.forEach(block -> writer.custom(Blocks.EVENT_NAME, block));
    }

    /** The tool's result for the model; blocks to show are added to {@code shown}. */
    private String toolResult(
        AgentTool tool, ToolExecutionRequest request, List<JsonObject> shown) {
      JsonObject arguments;
      try (JsonReader reader = Json.createReader(new StringReader(request.arguments()))) {
        arguments = reader.readObject();
      } catch (JsonException | IllegalStateException e) {
        return error("VALIDATION", "The arguments are not a JSON object.", null);
      }
      if (Blocks.TOOL_NAME.equals(request.name())) {
        Blocks.Outcome outcome = blocks.resolve(arguments);
        if (outcome.block() == null) {
          LOG.warning("Run " + job.runId() + " dropped a block: " + outcome.problem());
          return Json.createObjectBuilder()
              .add("shown", false)
              .add("reason", outcome.problem())
              .build()
              .toString();
        }
        shown.add(outcome.block());
        return Json.createObjectBuilder().add("shown", true).build().toString();
      }
      if (tool == null) {
        return error("NOT_FOUND", "There is no tool named " + request.name() + ".", null);
      }
      if (tool.changesData()) {
        policy.decide(
            new ProposedAction(
                job.workspace().id(),
                agent.name(),
                tool.name(),
                arguments.toString(),
                job.caller().userId()));
      }
      try {
        ToolOutcome outcome =
            toolTransactions.execute(tool, new ToolArguments(job.workspace().id(), arguments));
        blocks.remember(outcome.entities());
        if (tool.changesData()) {
          for (EntityRef changed : outcome.entities()) {
            shown.add(blocks.entityRef(changed));
          }
        }
        for (String block : outcome.blocks()) {
          try (JsonReader reader = Json.createReader(new StringReader(block))) {
            shown.add(reader.readObject());
          }
        }
        return truncate(outcome.content());
      } catch (StewardException e) {
        return error(e.kind().name(), e.getMessage(), e.field());
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "Tool " + tool.name() + " failed in run " + job.runId(), e);
        return error("INTERNAL", "The tool failed.", null);
      }
    }

    private boolean cancelled() {
      return job.live().cancelRequested();
    }

    private JsonObject usage() {
      return Json.createObjectBuilder()
          .add("inputTokens", inputTokens)
          .add("outputTokens", outputTokens)
          .add("totalTokens", inputTokens + outputTokens)
          .build();
    }

    private String systemPrompt(AgentSetup setup) {
      LocalDate today = LocalDate.now(Clock.system(job.workspace().timeZone()));
      StringBuilder prompt =
          new StringBuilder()
              .append("You are the ")
              .append(agent.name())
              .append(" agent of Steward, working in the workspace \"")
              .append(job.workspace().name())
              .append("\" for ")
              .append(job.caller().displayName())
              .append(".\n")
              .append(agent.description())
              .append("\nToday: ")
              .append(today)
              .append(" (")
              .append(job.workspace().timeZone())
              .append(")\n")
              .append(
                  "Use your tools to read and change the workspace's data. Take ids only from"
                      + " tool results, never invent them. When a change conflicts with another"
                      + " edit, read the record again and retry once. Answer briefly, in"
                      + " Markdown. To show a table, a chart, a timeline or a link to a record,"
                      + " call "
                      + Blocks.TOOL_NAME
                      + ".");
      if (setup.instructions() != null) {
        prompt
            .append("\nThe workspace's administrators add these instructions:\n")
            .append(setup.instructions());
      }
      String instructions = job.conversation().instructions();
      if (!instructions.isEmpty()) {
        prompt.append("\nThe client adds these instructions:\n").append(instructions);
      }
      List<ContextItem> context = job.context();
      if (!context.isEmpty()) {
        prompt.append("\nContext from the client:");
        for (ContextItem item : context) {
          prompt.append("\n- ").append(item.description()).append(": ").append(item.value());
        }
      }
      return prompt.toString();
    }
  }

  private static String error(String code, String message, String field) {
    JsonObjectBuilder error = Json.createObjectBuilder().add("code", code).add("message", message);
    if (field != null) {
      error.add("field", field);
    }
    return Json.createObjectBuilder().add("error", error).build().toString();
  }

  private static long estimateTokens(String text) {
    return (text.length() + 3) / 4;
  }

  private static String truncate(String content) {
    return content.length() <= MAX_TOOL_RESULT_CHARS
        ? content
        : content.substring(0, MAX_TOOL_RESULT_CHARS) + " …(cut)";
  }
}
