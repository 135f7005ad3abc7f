package io.steward.provider.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.output.FinishReason;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Requests the offline grammar turns into tool calls, and what it says about the rest. */
class OfflineChatModelTest {

  /**
   * 2026-11-20 is a Friday; the clock says otherwise, so tests show which date was used. The line
   * is written as runs write it, with the workspace's time zone.
   */
  private static final String SYSTEM_PROMPT =
      "You help with tasks.\nToday: 2026-11-20 (Pacific/Auckland)\nBe brief.";

  private static final String[] ALL_TOOLS = {
    "create_task",
    "list_tasks_due_today",
    "list_tasks",
    "list_all_projects",
    "log_interaction",
    "crm_search",
    "create_note",
    "create_project",
    "create_checkpoint"
  };

  private final OfflineChatModel model =
      new OfflineChatModel(
          Clock.fixed(Instant.parse("2026-03-02T23:30:00Z"), ZoneOffset.UTC),
          CapabilityPhrasebooks.ALL);

  @Test
  void should_create_a_task_with_a_due_date_relative_to_the_today_line() {
    assertCall(
        "create a task to call Acme tomorrow",
        "create_task",
        "{'title':'Call Acme','dueDate':'2026-11-21'}");
    assertCall(
        "Please add a task: send the contract today.",
        "create_task",
        "{'title':'Send the contract','dueDate':'2026-11-20'}");
    assertCall(
        "can you remind me to renew the domain on monday?",
        "create_task",
        "{'title':'Renew the domain','dueDate':'2026-11-23'}");
    assertCall(
        "Remind me to renew the domain next friday",
        "create_task",
        "{'title':'Renew the domain','dueDate':'2026-11-27'}");
    assertCall(
        "create a task to file taxes by 2026-12-01",
        "create_task",
        "{'title':'File taxes','dueDate':'2026-12-01'}");
    assertCall(
        "add a task to plan the offsite due in 3 days",
        "create_task",
        "{'title':'Plan the offsite','dueDate':'2026-11-23'}");
    assertCall("new task: review the budget", "create_task", "{'title':'Review the budget'}");
  }

  @Test
  void should_put_a_task_in_a_project_whether_the_date_comes_before_or_after_it() {
    String expected = "{'title':'Call Acme','dueDate':'2026-11-21','project':'Onboarding'}";
    assertCall(
        "create a task to call Acme tomorrow in project Onboarding", "create_task", expected);
    assertCall(
        "create a task to call Acme for project Onboarding tomorrow", "create_task", expected);
  }

  @Test
  void should_date_from_the_clock_when_the_system_prompt_has_no_valid_today_line() {
    for (String systemPrompt : List.of("You help with tasks.", "Today: 2026-02-30")) {
      RecordingHandler handler =
          RecordingHandler.chat(
              model,
              List.of(
                  SystemMessage.from(systemPrompt),
                  UserMessage.from("remind me to call Acme today")),
              ALL_TOOLS);
      assertEquals(
          json("{'title':'Call Acme','dueDate':'2026-03-02'}"), onlyCall(handler).arguments());
    }
  }

  @Test
  void should_list_what_is_due_today() {
    for (String request :
        List.of(
            "what is due today?",
            "What's due today",
            "tasks due today",
            "show my tasks due today",
            "What do I have today?")) {
      assertCall(request, "list_tasks_due_today", "{}");
    }
  }

  @Test
  void should_list_tasks_optionally_of_a_project() {
    assertCall("list tasks", "list_tasks", "{}");
    assertCall("Show my tasks.", "list_tasks", "{}");
    assertCall(
        "show all tasks in project Website relaunch",
        "list_tasks",
        "{'project':'Website relaunch'}");
  }

  @Test
  void should_list_projects_with_whichever_listing_tool_is_offered() {
    assertCall("list projects", "list_all_projects", "{}", ALL_TOOLS);
    assertCall("Show all projects", "list_projects", "{}", "list_projects");
  }

  @Test
  void should_log_an_interaction_with_a_contact() {
    assertCall(
        "log a call with Jane Doe about pricing",
        "log_interaction",
        "{'contact':'Jane Doe','kind':'call','summary':'Pricing'}");
    assertCall(
        "Log an email with Bob Stone.",
        "log_interaction",
        "{'contact':'Bob Stone','kind':'email','summary':'Email with Bob Stone'}");
    assertCall(
        "log a meeting with Ann regarding the renewal",
        "log_interaction",
        "{'contact':'Ann','kind':'meeting','summary':'The renewal'}");
  }

  @Test
  void should_search_the_crm() {
    String contactsAtAcme = "{'query':'Acme','kinds':['contact']}";
    assertCall("find contacts at Acme", "crm_search", contactsAtAcme);
    assertCall("Who do we know at Acme?", "crm_search", contactsAtAcme);
    assertCall("search for renewal", "crm_search", "{'query':'renewal'}");
    assertCall("find Jane Doe", "crm_search", "{'query':'Jane Doe'}");
  }

  @Test
  void should_add_a_note_titled_with_its_first_words() {
    assertCall(
        "add a note to Website relaunch: the client prefers email and wants weekly updates.",
        "create_note",
        "{'project':'Website relaunch','title':'The client prefers email and wants weekly updates',"
            + "'content':'the client prefers email and wants weekly updates'}");
    assertCall(
        "Add a note to Website saying call back on Monday",
        "create_note",
        "{'project':'Website','title':'Call back on Monday','content':'call back on Monday'}");
    assertCall(
        "note for Website: budget approved",
        "create_note",
        "{'project':'Website','title':'Budget approved','content':'budget approved'}");
    assertCall(
        "add a note: keys are at the front desk",
        "create_note",
        "{'title':'Keys are at the front desk','content':'keys are at the front desk'}");
  }

  @Test
  void should_create_a_project_optionally_for_a_company() {
    assertCall(
        "create a project Website relaunch for Acme",
        "create_project",
        "{'name':'Website relaunch','company':'Acme'}");
    assertCall("Create a new project called Intranet", "create_project", "{'name':'Intranet'}");
    assertCall("start a project: Intranet", "create_project", "{'name':'Intranet'}");
  }

  @Test
  void should_add_a_checkpoint_to_a_project() {
    assertCall(
        "add a checkpoint Design review on 2026-12-01 to Website relaunch",
        "create_checkpoint",
        "{'project':'Website relaunch','title':'Design review','date':'2026-12-01'}");
    assertCall(
        "add a checkpoint Launch next monday for project Website",
        "create_checkpoint",
        "{'project':'Website','title':'Launch','date':'2026-11-23'}");
  }

  @Test
  void should_stream_a_tool_call_in_fragments_and_finish_for_tool_execution() {
    RecordingHandler handler = ask("create a task to call Acme tomorrow", ALL_TOOLS);

    ToolExecutionRequest call = onlyCall(handler);
    assertTrue(call.id().startsWith("offline-call-"));
    assertTrue(handler.partialToolCalls.size() >= 2);
    for (PartialToolCall fragment : handler.partialToolCalls) {
      assertEquals(0, fragment.index());
      assertEquals(call.id(), fragment.id());
      assertEquals("create_task", fragment.name());
    }
    assertEquals(
        call.arguments(),
        handler.partialToolCalls.stream()
            .map(PartialToolCall::partialArguments)
            .collect(Collectors.joining()));
    assertEquals(1, handler.completeToolCalls.size());
    assertEquals(0, handler.completeToolCalls.get(0).index());
    assertEquals(call, handler.completeToolCalls.get(0).toolExecutionRequest());
    assertTrue(handler.partialResponses.isEmpty());
    ChatResponse response = handler.response();
    assertEquals(FinishReason.TOOL_EXECUTION, response.finishReason());
    assertEquals(16, response.tokenUsage().inputTokenCount()); // 9 + 7 words
    assertTrue(response.tokenUsage().outputTokenCount() > 0);
  }

  @Test
  void should_explain_its_limits_when_the_agent_does_not_offer_the_tool() {
    RecordingHandler handler = ask("create a task to call Acme", "list_tasks", "crm_search");

    String text = handler.text();
    assertTrue(
        text.startsWith("I'm the built-in offline model, and this agent can't create tasks."));
    assertTrue(text.contains("Try:\n- “list tasks in project Website relaunch”\n"));
    assertTrue(text.contains("- “find Acme”"));
    assertFalse(text.contains("call Acme tomorrow"));
    assertTrue(handler.completeToolCalls.isEmpty());
    assertEquals(FinishReason.STOP, handler.response().finishReason());
  }

  @Test
  void should_list_the_requests_it_understands_when_nothing_matches() {
    String text = ask("What's the weather in Paris?", ALL_TOOLS).text();

    assertTrue(
        text.startsWith(
            "I'm the built-in offline model, so I only understand a few requests. Try:\n- “"));
    assertTrue(text.contains("- “what is due today”"));
    assertTrue(text.contains("- “log a call with Jane Doe about pricing”"));
  }

  @Test
  void should_say_when_none_of_its_requests_fits_the_agent() {
    assertTrue(
        ask("list projects", "summarise_document")
            .text()
            .endsWith("None of the requests I understand fits this agent's tools."));
  }

  @Test
  void should_stream_text_in_several_chunks_that_make_up_the_answer() {
    RecordingHandler handler = ask("hello", ALL_TOOLS);

    assertTrue(handler.partialResponses.size() > 3);
    assertEquals(handler.response().aiMessage().text(), String.join("", handler.partialResponses));
  }

  @Test
  void should_answer_odd_input_without_failing() {
    List<List<ChatMessage>> conversations =
        List.of(
            List.of(SystemMessage.from(SYSTEM_PROMPT)),
            List.of(UserMessage.from(" ")),
            List.of(UserMessage.from("?!.")),
            List.of(UserMessage.from("please")),
            List.of(UserMessage.from("create a task " + " ".repeat(5000) + "x")),
            List.of(UserMessage.from("add a checkpoint Launch on 2026-13-45 to Website")),
            List.of(ToolExecutionResultMessage.from("unknown", "some_tool", "not json")));
    for (List<ChatMessage> conversation : conversations) {
      RecordingHandler handler = RecordingHandler.chat(model, conversation, ALL_TOOLS);
      assertFalse(handler.text().isBlank(), conversation.toString());
    }
  }

  private RecordingHandler ask(String request, String... offeredTools) {
    return RecordingHandler.chat(
        model, List.of(SystemMessage.from(SYSTEM_PROMPT), UserMessage.from(request)), offeredTools);
  }

  private void assertCall(String request, String tool, String arguments) {
    assertCall(request, tool, arguments, ALL_TOOLS);
  }

  /** Checks the one tool call a request makes; arguments are written as for {@link #json}. */
  private void assertCall(String request, String tool, String arguments, String... offeredTools) {
    ToolExecutionRequest call = onlyCall(ask(request, offeredTools));
    assertEquals(tool, call.name(), request);
    assertEquals(json(arguments), call.arguments(), request);
  }

  /** Compact JSON written with single quotes, which read better in Java strings. */
  private static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  private static ToolExecutionRequest onlyCall(RecordingHandler handler) {
    List<ToolExecutionRequest> calls = handler.response().aiMessage().toolExecutionRequests();
    assertEquals(1, calls.size(), () -> "no single tool call: " + handler.response());
    return calls.get(0);
  }
}
