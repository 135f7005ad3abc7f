package io.steward.agent.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import io.steward.agent.application.RunRequest.InputMessage;
import io.steward.agent.application.RunRequest.InputToolCall;
import jakarta.json.Json;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tests how {@link Conversation} turns a client's AG-UI messages into the model's history: new
 * messages only, tool calls and results paired by id, instructions kept apart, and a stored window
 * that starts at a user message.
 */
class ConversationTest {

  private final Conversation conversation = Conversation.restore("[]", "[]");

  @Test
  void should_start_empty_from_empty_json() {
    assertEquals(List.of(), conversation.messages());
    assertEquals("", conversation.instructions());
    assertEquals("", conversation.lastUserText());
    assertEquals("[]", conversation.messagesJson());
    assertEquals("[]", conversation.idsJson());
  }

  @Test
  void should_add_user_messages_and_skip_blank_ones() {
    conversation.addInput(List.of(user("u1", "Hello"), user("u2", "  "), user(null, "Again")));

    assertEquals(
        List.of(UserMessage.from("Hello"), UserMessage.from("Again")), conversation.messages());
  }

  @Test
  void should_add_only_the_new_messages_when_the_client_resends_the_conversation() {
    conversation.addInput(List.of(user("u1", "Find deals")));
    conversation.add(AiMessage.from("Two deals."), "a1");
    conversation.addInput(
        List.of(user("u1", "Find deals"), assistant("a1", "Two deals."), user("u2", "Thanks")));

    assertEquals(
        List.of(
            UserMessage.from("Find deals"),
            AiMessage.from("Two deals."),
            UserMessage.from("Thanks")),
        conversation.messages());
  }

  @Test
  void should_turn_assistant_tool_calls_into_execution_requests_and_name_their_results() {
    conversation.addInput(
        List.of(
            user("u1", "Find Northwind"),
            assistant(
                "a1",
                "",
                new InputToolCall("call-1", "find_contacts", "{\"q\":\"Northwind\"}"),
                new InputToolCall("call-2", "find_deals", null)),
            tool("t1", "call-2", "{\"items\":[]}"),
            tool("t2", "call-1", "{\"items\":[1]}"),
            tool("t3", "call-9", "lost")));

    List<ChatMessage> messages = conversation.messages();
    AiMessage calls = assertInstanceOf(AiMessage.class, messages.get(1));
    assertNull(calls.text());
    assertEquals(
        List.of(
            request("call-1", "find_contacts", "{\"q\":\"Northwind\"}"),
            request("call-2", "find_deals", "{}")),
        calls.toolExecutionRequests());
    assertEquals(
        List.of(
            ToolExecutionResultMessage.from("call-2", "find_deals", "{\"items\":[]}"),
            ToolExecutionResultMessage.from("call-1", "find_contacts", "{\"items\":[1]}"),
            ToolExecutionResultMessage.from("call-9", "unknown", "lost")),
        messages.subList(2, 5));
  }

  @Test
  void should_keep_assistant_text_next_to_its_tool_calls_and_skip_empty_assistant_messages() {
    conversation.addInput(
        List.of(
            assistant("a1", "Let me look.", new InputToolCall("call-1", "find_deals", "{}")),
            assistant("a2", " "),
            assistant("a3", "Found none.")));

    assertEquals(
        List.of(
            AiMessage.from("Let me look.", List.of(request("call-1", "find_deals", "{}"))),
            AiMessage.from("Found none.")),
        conversation.messages());
  }

  @Test
  void should_take_system_and_developer_messages_as_instructions_not_history() {
    conversation.addInput(
        List.of(
            message("s1", "system", "Answer in German."),
            user("u1", "Hallo"),
            message("d1", "developer", " Be brief. "),
            message("r1", "reasoning", "thinking"),
            message("x1", "activity", "progress")));

    assertEquals("Answer in German.\n Be brief.", conversation.instructions());
    assertEquals(List.of(UserMessage.from("Hallo")), conversation.messages());
  }

  @Test
  void should_keep_following_instructions_the_client_resends_with_the_conversation() {
    InputMessage system = message("s1", "system", "Answer in German.");
    conversation.addInput(List.of(system, user("u1", "Hallo")));
    conversation.addInput(List.of(system, user("u1", "Hallo"), user("u2", "Und jetzt?")));

    assertEquals("Answer in German.", conversation.instructions());
    assertEquals(
        List.of(UserMessage.from("Hallo"), UserMessage.from("Und jetzt?")),
        conversation.messages());
  }

  @Test
  void should_replace_instructions_with_those_of_the_latest_input() {
    conversation.addInput(List.of(message("s1", "system", "Answer in German."), user("u1", "Hi")));
    conversation.addInput(List.of(user("u2", "And now?")));

    assertEquals("", conversation.instructions());
  }

  @Test
  void should_name_the_newest_user_text_as_the_last() {
    conversation.addInput(List.of(user("u1", "First"), user("u2", "Second")));
    conversation.add(AiMessage.from("Answer"), null);

    assertEquals("Second", conversation.lastUserText());
  }

  @Test
  void should_store_at_most_the_recent_messages_starting_at_a_user_message() {
    int turns = 15;
    for (int turn = 1; turn <= turns; turn++) {
      addToolTurn(turn);
    }
    assertEquals(3 * turns, conversation.messages().size());

    List<ChatMessage> stored = Conversation.restore(conversation.messagesJson(), "[]").messages();

    assertTrue(stored.size() <= Conversation.MAX_MESSAGES, "stored " + stored.size());
    assertEquals(UserMessage.from("Question 3"), stored.get(0));
    assertEquals(conversation.messages().subList(3 * turns - stored.size(), 3 * turns), stored);
  }

  @Test
  void should_store_everything_while_under_the_limit() {
    addToolTurn(1);
    addToolTurn(2);

    assertEquals(
        conversation.messages(),
        Conversation.restore(conversation.messagesJson(), "[]").messages());
  }

  @Test
  void should_store_no_message_without_a_user_message_to_start_at() {
    for (int i = 0; i < Conversation.MAX_MESSAGES + 1; i++) {
      conversation.add(AiMessage.from("Reply " + i), null);
    }

    assertEquals("[]", conversation.messagesJson());
  }

  @Test
  void should_remember_known_ids_across_a_restore() {
    conversation.addInput(List.of(user("u1", "Find deals")));
    conversation.add(AiMessage.from("Two deals."), "a1");
    conversation.add(AiMessage.from("Anything else?"), null);

    Conversation restored =
        Conversation.restore(conversation.messagesJson(), conversation.idsJson());
    restored.addInput(
        List.of(user("u1", "Find deals"), assistant("a1", "Two deals."), user("u2", "No")));

    assertEquals(List.of("u1", "a1"), ids(conversation.idsJson()));
    assertEquals(
        List.of(
            UserMessage.from("Find deals"),
            AiMessage.from("Two deals."),
            AiMessage.from("Anything else?"),
            UserMessage.from("No")),
        restored.messages());
  }

  @Test
  void should_keep_only_the_newest_400_ids() {
    List<InputMessage> input = new ArrayList<>();
    for (int i = 0; i <= 400; i++) {
      input.add(user("m" + i, "Message " + i));
    }
    conversation.addInput(input);

    List<String> ids = ids(conversation.idsJson());
    assertEquals(400, ids.size());
    assertEquals("m1", ids.get(0));
    assertEquals("m400", ids.get(399));
    assertFalse(ids.contains("m0"));
  }

  /** A user question, the model's tool call and its result. */
  private void addToolTurn(int turn) {
    ToolExecutionRequest call = request("call-" + turn, "find_deals", "{}");
    conversation.add(UserMessage.from("Question " + turn), "u" + turn);
    conversation.add(AiMessage.from(List.of(call)), "a" + turn);
    conversation.add(ToolExecutionResultMessage.from(call, "[]"), "t" + turn);
  }

  @Test
  void should_cut_very_long_replies_and_keep_the_stored_history_within_its_column() {
    for (int turn = 0; turn < 60; turn++) {
      conversation.addInput(List.of(user("u" + turn, "Question " + turn)));
      conversation.add(AiMessage.from("y".repeat(50_000)), "a" + turn);
    }

    AiMessage reply = (AiMessage) conversation.messages().get(1);
    String json = conversation.messagesJson();
    Conversation restored = Conversation.restore(json, conversation.idsJson());

    assertEquals(Conversation.MAX_MESSAGE_CHARS + " …(cut)".length(), reply.text().length());
    assertTrue(json.length() <= Conversation.MAX_STORED_CHARS, () -> "" + json.length());
    assertEquals("Question 59", restored.lastUserText());
    assertTrue(restored.messages().get(0) instanceof UserMessage);
  }

  private static ToolExecutionRequest request(String id, String name, String arguments) {
    return ToolExecutionRequest.builder().id(id).name(name).arguments(arguments).build();
  }

  private static InputMessage user(String id, String text) {
    return message(id, "user", text);
  }

  private static InputMessage assistant(String id, String text, InputToolCall... calls) {
    return new InputMessage(id, "assistant", text, List.of(calls), null);
  }

  private static InputMessage tool(String id, String toolCallId, String content) {
    return new InputMessage(id, "tool", content, List.of(), toolCallId);
  }

  private static InputMessage message(String id, String role, String content) {
    return new InputMessage(id, role, content, List.of(), null);
  }

  private static List<String> ids(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readArray().getValuesAs(JsonString.class).stream()
          .map(JsonString::getString)
          .toList();
    }
  }
}
