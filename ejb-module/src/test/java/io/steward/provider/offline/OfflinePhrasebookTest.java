package io.steward.provider.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The offline model knows only what the phrasebooks of the offered tools say. */
class OfflinePhrasebookTest {

  /** A capability of its own, which the offline model knows nothing about but this phrasebook. */
  private static final OfflinePhrasebook GREETINGS =
      new OfflinePhrasebook() {
        @Override
        public List<OfflinePhrasing> phrasings() {
          return List.of(
              OfflinePhrasing.of(
                  List.of("greet_everyone", "greet"),
                  "greet people",
                  "greet Ada",
                  "(?:greet|say\\s+hello\\s+to)\\s+(?<who>.+)",
                  (wording, today) ->
                      OfflineWords.arguments().add("who", wording.group("who")).build("who")));
        }

        @Override
        public Map<String, Function<OfflineResult, String>> answers() {
          return Map.of(
              "greet",
              greeted -> "Said hello to " + greeted.argument("who").orElse("nobody") + ".");
        }
      };

  private final OfflineChatModel model = new OfflineChatModel(List.of(GREETINGS));

  @Test
  void should_call_the_first_offered_tool_of_the_phrasing_that_fits() {
    ToolExecutionRequest call = onlyCall(RecordingHandler.chat(model, request(), "greet"));
    assertEquals("greet", call.name());
    assertEquals("{\"who\":\"Ada\"}", call.arguments());
    assertEquals(
        "greet_everyone",
        onlyCall(RecordingHandler.chat(model, request(), "greet", "greet_everyone")).name());
  }

  @Test
  void should_understand_a_request_only_when_a_tool_of_its_phrasing_is_offered() {
    assertTrue(model.understands("please say hello to Ada", Set.of("greet")));
    assertFalse(model.understands("say hello to Ada", Set.of("wave")));
    assertFalse(model.understands("wave at Ada", Set.of("greet")));
  }

  @Test
  void should_name_what_a_phrasing_does_when_its_tools_are_not_offered() {
    String text = RecordingHandler.chat(model, request(), "wave").text();
    assertTrue(
        text.startsWith("I'm the built-in offline model, and this agent can't greet people."));
    assertTrue(text.endsWith("None of the requests I understand fits this agent's tools."));
  }

  @Test
  void should_answer_a_tool_result_in_the_wording_of_its_phrasebook() {
    ToolExecutionRequest call =
        ToolExecutionRequest.builder().id("1").name("greet").arguments("{\"who\":\"Ada\"}").build();
    String text =
        RecordingHandler.chat(
                model,
                List.of(
                    UserMessage.from("greet Ada"),
                    AiMessage.from(call),
                    ToolExecutionResultMessage.from(call, "{\"type\":\"greeting\"}")),
                "greet")
            .text();
    assertEquals("Said hello to Ada.", text);
  }

  private static List<ChatMessage> request() {
    return List.of(UserMessage.from("Greet Ada, please."));
  }

  private static ToolExecutionRequest onlyCall(RecordingHandler handler) {
    List<ToolExecutionRequest> calls = handler.response().aiMessage().toolExecutionRequests();
    assertEquals(1, calls.size(), () -> "no single tool call: " + handler.response());
    return calls.get(0);
  }
}
