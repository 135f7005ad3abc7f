package io.steward.agent.application.internal;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import io.steward.agent.application.RunRequest.InputMessage;
import io.steward.agent.application.RunRequest.InputToolCall;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A thread's history as the model sees it, and the ids of the client's messages already in it. A
 * run adds the client's new messages (those with unknown ids, so clients may resend the whole
 * conversation or only the newest message) and what the run itself said and did. Only the most
 * recent messages are kept, starting at a user message so no tool result loses its call.
 */
final class Conversation {

  static final int MAX_MESSAGES = 40;
  static final int MAX_MESSAGE_CHARS = 20_000;

  /** Below the thread's column size (1,000,000), with room for JSON escapes. */
  static final int MAX_STORED_CHARS = 900_000;

  private static final int MAX_IDS = 400;

  private final List<ChatMessage> messages;
  private final Set<String> knownIds;
  private String instructions = "";

  private Conversation(List<ChatMessage> messages, Set<String> knownIds) {
    this.messages = messages;
    this.knownIds = knownIds;
  }

  static Conversation restore(String messagesJson, String idsJson) {
    Set<String> ids = new LinkedHashSet<>();
    try (JsonReader reader = Json.createReader(new StringReader(idsJson))) {
      reader.readArray().getValuesAs(JsonString.class).forEach(id -> ids.add(id.getString()));
    }
    return new Conversation(
        new ArrayList<>(ChatMessageDeserializer.messagesFromJson(messagesJson)), ids);
  }

  /**
   * Adds the client's messages not yet in the thread; system and developer ones, new or resent,
   * instruct this run.
   */
  void addInput(List<InputMessage> input) {
    StringBuilder instructions = new StringBuilder();
    for (InputMessage message : input) {
      String content = message.content() == null ? "" : message.content();
      if (message.role().equals("system") || message.role().equals("developer")) {
        // not kept in the history, so read from every run's input, even when resent
        instructions.append(content).append('\n');
        continue;
      }
      if (message.id() != null && !knownIds.add(message.id())) {
        continue;
      }
      switch (message.role()) {
        case "user" -> {
          if (!content.isBlank()) {
            messages.add(UserMessage.from(content));
          }
        }
        case "assistant" -> assistantMessage(content, message.toolCalls());
        case "tool" ->
            messages.add(
                ToolExecutionResultMessage.from(
                    message.toolCallId(), toolNameOf(message.toolCallId()), content));
        default -> {
          // activity and reasoning messages are for people, not for the model
        }
      }
    }
    this.instructions = instructions.toString().strip();
  }

  private void assistantMessage(String content, List<InputToolCall> toolCalls) {
    List<ToolExecutionRequest> requests =
        toolCalls.stream()
            .map(
                call ->
                    ToolExecutionRequest.builder()
                        .id(call.id())
                        .name(call.name())
                        .arguments(call.arguments() == null ? "{}" : call.arguments())
                        .build())
            .toList();
    if (requests.isEmpty() && content.isBlank()) {
      return;
    }
    messages.add(
        requests.isEmpty()
            ? AiMessage.from(content)
            : AiMessage.from(content.isBlank() ? null : content, requests));
  }

  private String toolNameOf(String toolCallId) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i) instanceof AiMessage ai && ai.hasToolExecutionRequests()) {
        for (ToolExecutionRequest request : ai.toolExecutionRequests()) {
          if (request.id() != null && request.id().equals(toolCallId)) {
            return request.name();
          }
        }
      }
    }
    return "unknown";
  }

  /** Something the run said or did, with the id the client knows it by (if any). */
  void add(ChatMessage message, String clientId) {
    messages.add(bounded(message));
    if (clientId != null) {
      knownIds.add(clientId);
    }
  }

  List<ChatMessage> messages() {
    return List.copyOf(messages);
  }

  /** What system or developer messages of this run's input asked for. */
  String instructions() {
    return instructions;
  }

  /** The newest thing the user said, for routing. */
  String lastUserText() {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i) instanceof UserMessage user && user.hasSingleText()) {
        return user.singleText();
      }
    }
    return "";
  }

  /** The newest messages that fit the thread's storage, starting at a user message. */
  String messagesJson() {
    int from = Math.max(0, messages.size() - MAX_MESSAGES);
    while (true) {
      while (from < messages.size() && !(messages.get(from) instanceof UserMessage)) {
        from++;
      }
      String json = ChatMessageSerializer.messagesToJson(messages.subList(from, messages.size()));
      if (json.length() <= MAX_STORED_CHARS || from >= messages.size()) {
        return json;
      }
      from++;
    }
  }

  /** A reply the model made very long is kept cut short: its start is what a next turn needs. */
  private static ChatMessage bounded(ChatMessage message) {
    if (message instanceof AiMessage ai
        && ai.text() != null
        && ai.text().length() > MAX_MESSAGE_CHARS) {
      String cut = ai.text().substring(0, MAX_MESSAGE_CHARS) + " …(cut)";
      return ai.hasToolExecutionRequests()
          ? AiMessage.from(cut, ai.toolExecutionRequests())
          : AiMessage.from(cut);
    }
    return message;
  }

  String idsJson() {
    List<String> ids = new ArrayList<>(knownIds);
    JsonArrayBuilder array = Json.createArrayBuilder();
    ids.subList(Math.max(0, ids.size() - MAX_IDS), ids.size()).forEach(array::add);
    return array.build().toString();
  }
}
