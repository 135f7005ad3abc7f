package io.steward.agent.application;

import java.util.List;
import java.util.Map;

/**
 * What a client asks a run to do, taken from an AG-UI {@code RunAgentInput}: the thread and run ids
 * (the client's), the conversation's messages as the client has them, context items, the model the
 * client asks for (optional), how the orchestrator should go about it, and the answers to the
 * interrupts an earlier run of the thread ended with.
 */
public record RunRequest(
    String threadId,
    String runId,
    List<InputMessage> messages,
    List<ContextItem> context,
    String model,
    Orchestration orchestration,
    List<ResumeAnswer> resume) {

  public static final int MAX_RESUME = 100;

  public RunRequest {
    messages = List.copyOf(messages);
    context = List.copyOf(context);
    orchestration = orchestration == null ? Orchestration.DEFAULT : orchestration;
    resume = resume == null ? List.of() : List.copyOf(resume);
  }

  /** A request that answers no interrupts. */
  public RunRequest(
      String threadId,
      String runId,
      List<InputMessage> messages,
      List<ContextItem> context,
      String model,
      Orchestration orchestration) {
    this(threadId, runId, messages, context, model, orchestration, List.of());
  }

  /**
   * The answer to one interrupt (an approval request): {@code cancelled}, or resolved with {@code
   * approved}, an optional comment and, to approve with edits, the arguments (a JSON object) to
   * apply instead.
   */
  public record ResumeAnswer(
      String interruptId, boolean cancelled, boolean approved, String comment, String arguments) {}

  /**
   * How a run goes about a request: {@code plan} answers an execution plan instead of acting; a
   * {@code pipeline} names agents to run in order (each seeing the earlier results, then a
   * synthesis); a {@code playbook} runs a kept plan with the run's {@code variables}. None of them:
   * the orchestrator classifies the request.
   */
  public record Orchestration(
      boolean plan, List<String> pipeline, String playbook, Map<String, String> variables) {

    public static final Orchestration DEFAULT = new Orchestration(false, List.of(), null, Map.of());

    public Orchestration {
      pipeline = List.copyOf(pipeline);
      variables = Map.copyOf(variables);
    }
  }

  /** A message of the conversation; roles as AG-UI names them (user, assistant, tool, …). */
  public record InputMessage(
      String id, String role, String content, List<InputToolCall> toolCalls, String toolCallId) {

    public InputMessage {
      toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }
  }

  /** A tool call an earlier assistant message made. */
  public record InputToolCall(String id, String name, String arguments) {}

  /** A piece of context the client supplies (what the user is looking at, preferences…). */
  public record ContextItem(String description, String value) {}
}
