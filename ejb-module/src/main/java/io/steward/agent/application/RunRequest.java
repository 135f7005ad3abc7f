package io.steward.agent.application;

import java.util.List;

/**
 * What a client asks a run to do, taken from an AG-UI {@code RunAgentInput}: the thread and run ids
 * (the client's), the conversation's messages as the client has them, context items, and the model
 * the client asks for (optional).
 */
public record RunRequest(
    String threadId,
    String runId,
    List<InputMessage> messages,
    List<ContextItem> context,
    String model) {

  public RunRequest {
    messages = List.copyOf(messages);
    context = List.copyOf(context);
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
