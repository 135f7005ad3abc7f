package io.steward.agent.application.internal;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.steward.agent.application.internal.RunJob.Stage;
import io.steward.agent.domain.RunStatus;
import io.steward.agent.spi.AgentTool;
import io.steward.provider.application.AgentSetup;
import io.steward.provider.application.ModelResolver;
import io.steward.tenancy.application.CurrentCaller;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Executes a run on a container thread, outside any transaction: routes it ({@link RunRouting}),
 * then either plans ({@link PlanMode}) or lets each stage's agent converse, alternating streamed
 * model calls ({@link RunModelCalls}) and tool calls ({@link ToolCalls}, each a transaction of its
 * own, as the person who started the run with the agent acting for them) until the model answers
 * without tools; sums a pipeline up; and records how the run ended. Every event is recorded as it
 * is written.
 */
@Stateless
public class RunExecutor {

  static final String RUN_EVENT_NAME = "steward.run";

  private static final Logger LOG = Logger.getLogger(RunExecutor.class.getName());

  @Inject CurrentCaller currentCaller;
  @Inject RunStore store;
  @Inject LiveRuns liveRuns;
  @Inject ModelResolver models;
  @Inject RunRouting routing;
  @Inject PlanMode planMode;
  @Inject RunModelCalls modelCalls;
  @Inject ToolCalls toolCalls;
  @Inject RunPrompts prompts;
  @Inject RunMetering metering;
  @Inject RunApprovals approvals;

  @Inject
  @ConfigProperty(name = "steward.agent.max-model-calls", defaultValue = "8")
  int maxModelCalls;

  @Asynchronous
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void execute(RunJob job) {
    currentCaller.set(job.caller());
    run(new RunContext(job, store));
  }

  private void run(RunContext run) {
    AgUiWriter writer = run.writer();
    RunStatus status = RunStatus.SUCCEEDED;
    String errorCode = null;
    try {
      writer.runStarted();
      List<Stage> stages = routing.route(run);
      writer.custom(RUN_EVENT_NAME, runInfo(run, stages));
      approvals.reportEnded(run);
      boolean cancelled = false;
      if (run.job().plan()) {
        planMode.plan(run);
      } else {
        cancelled = act(run, stages);
      }
      JsonArray interrupts = cancelled ? JsonValue.EMPTY_JSON_ARRAY : approvals.interrupts(run);
      if (!interrupts.isEmpty()) {
        status = RunStatus.INTERRUPTED;
        writer.runInterrupted(interrupts, run.usage().toJson());
      } else {
        status = cancelled ? RunStatus.CANCELLED : RunStatus.SUCCEEDED;
        writer.runFinished(cancelled ? "cancelled" : "success", run.usage().toJson());
      }
    } catch (RunFailure failure) {
      status = RunStatus.FAILED;
      errorCode = failure.code();
      writer.runError(failure.getMessage(), failure.code(), run.usage().toJson());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = RunStatus.FAILED;
      errorCode = "INTERRUPTED";
      writer.runError("The run was interrupted.", errorCode, run.usage().toJson());
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Run " + run.runId() + " failed", e);
      status = RunStatus.FAILED;
      errorCode = "INTERNAL";
      writer.runError("The run failed unexpectedly.", errorCode, run.usage().toJson());
    } finally {
      complete(run, status, errorCode);
    }
  }

  /** Who acts with which model, the pipeline's agents and the mode, for the client. */
  private static JsonObject runInfo(RunContext run, List<Stage> stages) {
    JsonObjectBuilder info =
        Json.createObjectBuilder()
            .add("agent", run.actor())
            .add("model", run.model().name())
            .add("offline", run.model().offline());
    if (stages.size() > 1) {
      JsonArrayBuilder agents = Json.createArrayBuilder();
      stages.forEach(stage -> agents.add(stage.agent().name()));
      info.add("agents", agents);
    }
    if (run.job().plan()) {
      info.add("mode", "plan");
    }
    return info.build();
  }

  /** Stores the run's end and its conversation, and lets its watchers go. */
  private void complete(RunContext run, RunStatus status, String errorCode) {
    RunJob job = run.job();
    try {
      run.recorder().flush();
      store.finish(
          job.run(),
          status,
          errorCode,
          run.usage().inputTokens(),
          run.usage().outputTokens(),
          run.recorder().count());
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

  /**
   * The stages in order, each seeing the earlier ones; then a synthesis when there were several.
   * True when the run was cancelled.
   */
  private boolean act(RunContext run, List<Stage> stages) throws RunFailure, InterruptedException {
    AgUiWriter writer = run.writer();
    List<String> results = new ArrayList<>();
    boolean pipeline = stages.size() > 1;
    for (int i = 0; i < stages.size(); i++) {
      if (i > 0) {
        routing.enter(run, stages.get(i).agent());
      }
      String step = "agent:" + (i + 1) + ":" + run.agent().name();
      if (pipeline) {
        writer.stepStarted(step);
      }
      String result = converse(run, stages.get(i), results);
      if (pipeline) {
        writer.stepFinished(step);
      }
      if (result == null) {
        return true;
      }
      results.add(result);
    }
    return pipeline && synthesize(run);
  }

  /**
   * One agent's turn: model calls and tool calls until the model answers. Answers the final text
   * (what later stages and the synthesis see), or null when the run was cancelled.
   */
  private String converse(RunContext run, Stage stage, List<String> earlier)
      throws RunFailure, InterruptedException {
    AgUiWriter writer = run.writer();
    AgentSetup setup = models.setup(run.workspace(), run.agent().name());
    Map<String, AgentTool> tools = toolCalls.offered(run.agent(), setup);
    List<ToolSpecification> specifications = new ArrayList<>();
    tools.values().forEach(tool -> specifications.add(tool.specification()));
    specifications.add(Blocks.TOOL);
    PromptGuard guard = prompts.guard(setup, tools.values());
    SystemMessage instructions =
        SystemMessage.from(prompts.systemPrompt(run, setup, stage, earlier));
    Conversation conversation = run.job().conversation();
    int stageStart = conversation.messages().size();
    for (int call = 0; call < maxModelCalls; call++) {
      if (run.cancelled()) {
        return null;
      }
      metering.requireBudget(run);
      writer.stepStarted("answer");
      String messageId = writer.beginAssistantMessage();
      List<ChatMessage> history = conversation.messages();
      List<ChatMessage> messages = new ArrayList<>();
      messages.add(instructions);
      messages.addAll(history.subList(0, stageStart));
      if (stage.task() != null) {
        // The step's task, rendered from a server-side template: sent, never stored or shown.
        messages.add(UserMessage.from(stage.task()));
      }
      messages.addAll(history.subList(stageStart, history.size()));
      AiMessage reply =
          modelCalls.stream(
              run,
              guard,
              ChatRequest.builder().messages(messages).toolSpecifications(specifications).build(),
              messageId);
      writer.stepFinished("answer");
      if (reply == null) {
        return null;
      }
      conversation.add(reply, messageId);
      if (!reply.hasToolExecutionRequests()) {
        return reply.text() == null ? "" : reply.text();
      }
      writer.stepStarted("tools");
      for (ToolExecutionRequest request : reply.toolExecutionRequests()) {
        if (run.cancelled()) {
          return null;
        }
        toolCalls.run(run, tools, request);
      }
      writer.stepFinished("tools");
    }
    writer.stepStarted("answer");
    writer.beginAssistantMessage();
    String stopped = "I stopped here: this needed more than " + maxModelCalls + " model calls.";
    writer.text(stopped);
    writer.stepFinished("answer");
    return stopped;
  }

  /** A last answer without tools that sums up what the stages did; true when cancelled. */
  private boolean synthesize(RunContext run) throws RunFailure, InterruptedException {
    if (run.cancelled()) {
      return true;
    }
    AgUiWriter writer = run.writer();
    metering.requireBudget(run);
    PromptGuard guard = prompts.guard(AgentSetup.DEFAULT, List.of());
    writer.stepStarted("synthesis");
    String messageId = writer.beginAssistantMessage();
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(SystemMessage.from(prompts.synthesisPrompt(run)));
    messages.addAll(run.job().conversation().messages());
    AiMessage reply =
        modelCalls.stream(run, guard, ChatRequest.builder().messages(messages).build(), messageId);
    writer.stepFinished("synthesis");
    if (reply == null) {
      return true;
    }
    run.job().conversation().add(reply, messageId);
    return false;
  }
}
