package io.steward.provider.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Answers the offline model composes from tool results. */
class OfflineChatModelAnswersTest {

  private static final String TASK =
      json("{'type':'task','id':'7d0c','version':0,'title':'Call Acme','dueDate':'2026-11-23'}");

  private final OfflineChatModel model = new OfflineChatModel(CapabilityPhrasebooks.ALL);

  @Test
  void should_confirm_a_created_or_updated_record() {
    assertEquals("Created task “Call Acme”, due 2026-11-23.", answer("create_task", "{}", TASK));
    assertEquals("Updated task “Call Acme”, due 2026-11-23.", answer("update_task", "{}", TASK));
    assertEquals(
        "Created checkpoint “Design review”, on 2026-12-01.",
        answer(
            "create_checkpoint",
            "{}",
            "{'type':'checkpoint','id':'1','title':'Design review','date':'2026-12-01'}"));
  }

  @Test
  void should_confirm_a_logged_interaction_and_a_moved_deal() {
    assertEquals(
        "Logged call with Jane Doe.",
        answer(
            "log_interaction",
            "{'contact':'Jane Doe','kind':'call'}",
            "{'type':'interaction','id':'1','contactId':'9','kind':'call','summary':'Pricing'}"));
    assertEquals(
        "Moved deal “Acme renewal” to proposal.",
        answer(
            "move_deal",
            "{}",
            "{'type':'deal','id':'1','title':'Acme renewal','stage':'proposal'}"));
  }

  @Test
  void should_list_what_is_due_today_as_bullets() {
    String items =
        "{'items':[{'type':'task','title':'Call Acme','dueDate':'2026-11-20'},"
            + "{'type':'task','title':'Send invoice','dueDate':'2026-11-20'},"
            + "{'type':'task','title':'Book venue'}],'totalCount':3}";
    assertEquals(
        "3 tasks are due today:\n- Call Acme (due 2026-11-20)\n- Send invoice (due 2026-11-20)\n"
            + "- Book venue",
        answer("list_tasks_due_today", "{}", items));
    assertEquals(
        "1 task is due today:\n- Call Acme",
        answer(
            "list_tasks_due_today",
            "{}",
            "{'items':[{'type':'task','title':'Call Acme'}],'totalCount':1}"));
    assertEquals(
        "Nothing is due today.",
        answer("list_tasks_due_today", "{}", "{'items':[],'totalCount':0}"));
  }

  @Test
  void should_list_records_and_say_when_the_list_is_cut_short() {
    assertEquals(
        "Found 3 projects:\n- Website relaunch\n- Intranet\n\nShowing the first 2.",
        answer(
            "list_all_projects",
            "{}",
            "{'items':[{'type':'project','name':'Website relaunch'},"
                + "{'type':'project','name':'Intranet'}],'totalCount':3}"));
    assertEquals(
        "There are no tasks in project Website.",
        answer("list_tasks", "{'project':'Website'}", "{'items':[],'totalCount':0}"));
  }

  @Test
  void should_list_crm_search_hits_by_kind() {
    assertEquals(
        "Here is what I found for “Acme”:\n\nContacts:\n- Jane Doe (jane@acme.com)\n- Bob Stone"
            + "\n\nCompanies:\n- Acme",
        answer(
            "crm_search",
            "{'query':'Acme'}",
            "{'companies':[{'type':'company','name':'Acme'}],"
                + "'contacts':[{'type':'contact','name':'Jane Doe','email':'jane@acme.com'},"
                + "{'type':'contact','name':'Bob Stone'}],'deals':[]}"));
    assertEquals(
        "I found nothing for “Zeta”.",
        answer("crm_search", "{'query':'Zeta'}", "{'companies':[],'contacts':[],'deals':[]}"));
  }

  @Test
  void should_pass_on_errors_and_confirm_deletions() {
    assertEquals(
        "I couldn't do that: No project is named Websit.",
        answer(
            "create_task",
            "{}",
            "{'error':{'code':'NOT_FOUND','message':'No project is named Websit.',"
                + "'field':'project'}}"));
    assertEquals(
        "I couldn't do that: Unknown tool.",
        answer("create_task", "{}", "{'error':'Unknown tool.'}"));
    assertEquals(
        "Deleted the task.",
        answer("delete_task", "{}", "{'deleted':{'type':'task','id':'7d0c'}}"));
  }

  @Test
  void should_show_a_result_it_cannot_summarise_as_returned() {
    String text = answer("get_weather", "{}", "sunny");
    assertTrue(text.startsWith("Done. I can't summarise this result offline"));
    assertTrue(text.endsWith("```\nsunny\n```"));
  }

  @Test
  void should_answer_each_of_several_results_and_stream_the_answer() {
    ToolExecutionRequest created = call("a", "create_task", "{}");
    ToolExecutionRequest deleted = call("b", "delete_task", "{}");
    RecordingHandler handler =
        RecordingHandler.chat(
            model,
            List.of(
                UserMessage.from("do two things"),
                AiMessage.from(created, deleted),
                ToolExecutionResultMessage.from(created, TASK),
                ToolExecutionResultMessage.from(
                    deleted, json("{'deleted':{'type':'note','id':'1'}}"))));

    assertEquals("Created task “Call Acme”, due 2026-11-23.\n\nDeleted the note.", handler.text());
    assertTrue(handler.partialResponses.size() > 1);
    ChatResponse response = handler.response();
    assertEquals(FinishReason.STOP, response.finishReason());
    assertEquals(9, response.tokenUsage().outputTokenCount());
  }

  /**
   * The text answering one tool call, checking the streamed pieces make it up; arguments and result
   * are written as for {@link #json}.
   */
  private String answer(String tool, String arguments, String result) {
    ToolExecutionRequest call = call("offline-call-1", tool, json(arguments));
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(SystemMessage.from("Today: 2026-11-20"));
    messages.add(UserMessage.from("a request"));
    messages.add(AiMessage.from(call));
    messages.add(ToolExecutionResultMessage.from(call, json(result)));
    return RecordingHandler.chat(model, messages, tool).text();
  }

  /** JSON written with single quotes, which read better in Java strings. */
  private static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  private static ToolExecutionRequest call(String id, String tool, String arguments) {
    return ToolExecutionRequest.builder().id(id).name(tool).arguments(arguments).build();
  }
}
