package io.steward.agent.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import io.steward.agent.application.ActionPolicy.Decision;
import io.steward.agent.application.ActionPolicy.ProposedAction;
import io.steward.agent.spi.AgentTool;
import io.steward.agent.spi.EntityRef;
import io.steward.agent.spi.ToolOutcome;
import io.steward.provider.application.ChatModelChoice;
import io.steward.provider.offline.OfflineChatModel;
import io.steward.shared.domain.InvalidInputException;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Tests how {@link ToolCalls} runs the tool calls a model makes: the outcome is written for the
 * client and added to the conversation with the blocks it shows, changes are put to the policy
 * first, and a call that cannot or must not run gives the model an error result instead.
 */
class ToolCallsTest {

  private static final UUID TASK_ID = UUID.randomUUID();

  private final TestRun run =
      new TestRun(
          new ChatModelChoice(null, "offline", true, new OfflineChatModel(List.of()), null));
  private final ToolCalls toolCalls = new ToolCalls();
  private final List<ProposedAction> proposed = new ArrayList<>();
  private final List<String> titles = new ArrayList<>();

  private final AgentTool createTask =
      AgentTool.changing("create_task")
          .description("Creates a task.")
          .requiredText("title", "The task's title")
          .handler(
              arguments -> {
                titles.add(arguments.requiredText("title"));
                return new ToolOutcome(
                    "{\"id\": \"" + TASK_ID + "\"}",
                    List.of(new EntityRef("task", TASK_ID, "Call Bob", Map.of())));
              });
  private final AgentTool findTasks =
      AgentTool.reading("find_tasks")
          .description("Finds tasks.")
          .handler(
              arguments ->
                  new ToolOutcome(
                      "[]", List.of(new EntityRef("task", TASK_ID, "Call Bob", Map.of()))));

  ToolCallsTest() {
    toolCalls.policy =
        action -> {
          proposed.add(action);
          return Decision.APPLY;
        };
    toolCalls.transactions = new ToolTransactions();
  }

  @Test
  void should_run_an_offered_tool_and_record_its_outcome() {
    call(createTask, "create_task", "{\"title\": \"Call Bob\"}");

    assertEquals(List.of("Call Bob"), titles);
    JsonObject result = run.events("TOOL_CALL_RESULT").get(0);
    assertEquals("call-1", result.getString("toolCallId"));
    assertEquals("{\"id\": \"" + TASK_ID + "\"}", result.getString("content"));
    List<ChatMessage> conversation = run.context().job().conversation().messages();
    ToolExecutionResultMessage added =
        assertInstanceOf(ToolExecutionResultMessage.class, conversation.get(0));
    assertEquals("call-1", added.id());
    assertEquals(result.getString("content"), added.text());
    JsonObject shown = run.events("CUSTOM").get(0);
    assertEquals(Blocks.EVENT_NAME, shown.getString("name"));
    assertEquals(TASK_ID.toString(), shown.getJsonObject("value").getString("id"));
  }

  @Test
  void should_put_a_change_to_the_policy_as_the_agent_acting_for_the_person() {
    call(createTask, "create_task", "{\"title\": \"Call Bob\"}");

    assertEquals(
        List.of(
            new ProposedAction(
                run.context().workspace(),
                "task",
                "create_task",
                "{\"title\":\"Call Bob\"}",
                "alice-id")),
        proposed);
  }

  @Test
  void should_not_ask_the_policy_about_a_tool_that_only_reads_nor_show_what_it_read() {
    call(findTasks, "find_tasks", "{}");

    assertEquals("[]", run.events("TOOL_CALL_RESULT").get(0).getString("content"));
    assertTrue(proposed.isEmpty());
    assertTrue(run.events("CUSTOM").isEmpty());
  }

  @Test
  void should_give_the_model_the_error_of_a_tool_that_refuses() {
    AgentTool refusing =
        AgentTool.changing("create_task")
            .description("Creates a task.")
            .handler(
                arguments -> {
                  throw new InvalidInputException("title", "is required");
                });

    call(refusing, "create_task", "{}");

    assertEquals(
        "{\"error\":{\"code\":\"VALIDATION\",\"message\":\"title: is required\","
            + "\"field\":\"title\"}}",
        result());
  }

  @Test
  void should_give_the_model_an_internal_error_when_a_tool_breaks() {
    AgentTool breaking =
        AgentTool.reading("find_tasks")
            .description("Finds tasks.")
            .handler(
                arguments -> {
                  throw new IllegalStateException("database gone");
                });

    call(breaking, "find_tasks", "{}");

    assertEquals("{\"error\":{\"code\":\"INTERNAL\",\"message\":\"The tool failed.\"}}", result());
  }

  @Test
  void should_not_run_a_tool_the_agent_was_not_offered() {
    toolCalls.run(
        run.context(),
        Map.of("find_tasks", findTasks),
        request("create_task", "{\"title\": \"x\"}"));

    assertEquals(
        "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"There is no tool named create_task.\"}}",
        result());
    assertTrue(titles.isEmpty());
  }

  @Test
  void should_not_run_a_call_whose_arguments_repeated_protected_text() {
    run.context().withhold("call-1");

    call(createTask, "create_task", "{\"title\": \"Call Bob\"}");

    assertEquals(
        "{\"error\":{\"code\":\"REFUSED\",\"message\":\"The call repeated protected text and was"
            + " not run.\"}}",
        result());
    assertTrue(titles.isEmpty());
    assertTrue(proposed.isEmpty());
  }

  @Test
  void should_refuse_arguments_that_are_not_a_json_object() {
    call(createTask, "create_task", "[\"Call Bob\"]");

    assertEquals(
        "{\"error\":{\"code\":\"VALIDATION\",\"message\":\"The arguments are not a JSON"
            + " object.\"}}",
        result());
  }

  @Test
  void should_cut_a_long_result_short() {
    AgentTool verbose =
        AgentTool.reading("find_tasks")
            .description("Finds tasks.")
            .handler(arguments -> new ToolOutcome("x".repeat(25_000), List.of()));

    call(verbose, "find_tasks", "{}");

    assertEquals("x".repeat(ToolCalls.MAX_RESULT_CHARS) + " …(cut)", result());
  }

  private void call(AgentTool tool, String name, String arguments) {
    toolCalls.run(run.context(), Map.of(tool.name(), tool), request(name, arguments));
  }

  private static ToolExecutionRequest request(String name, String arguments) {
    return ToolExecutionRequest.builder().id("call-1").name(name).arguments(arguments).build();
  }

  private String result() {
    return run.events("TOOL_CALL_RESULT").get(0).getString("content");
  }
}
