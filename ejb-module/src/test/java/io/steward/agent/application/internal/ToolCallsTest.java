package io.steward.agent.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import io.steward.agent.spi.AgentTool;
import io.steward.agent.spi.EntityRef;
import io.steward.agent.spi.ToolOutcome;
import io.steward.approval.application.ActionCatalog;
import io.steward.approval.application.ActionPolicies;
import io.steward.approval.application.Approvals;
import io.steward.approval.domain.ActionOperation;
import io.steward.approval.domain.ApprovalRequest;
import io.steward.approval.domain.ApprovalRequest.ActionJson;
import io.steward.approval.domain.ApprovalRequest.RunOrigin;
import io.steward.approval.domain.PolicyDecision;
import io.steward.approval.domain.PolicyVerdict;
import io.steward.approval.domain.ProposedAction;
import io.steward.approval.domain.Requester;
import io.steward.approval.domain.RequesterKind;
import io.steward.provider.application.ChatModelChoice;
import io.steward.provider.offline.OfflineChatModel;
import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRole;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Tests how {@link ToolCalls} runs the tool calls a model makes: the outcome is written for the
 * client and added to the conversation with the blocks it shows, changes are put to the policy
 * first (which applies, refuses or holds them), and a call that cannot or must not run gives the
 * model an error result instead.
 */
class ToolCallsTest {

  private static final UUID TASK_ID = UUID.randomUUID();

  private final TestRun run =
      new TestRun(
          new ChatModelChoice(null, "offline", true, new OfflineChatModel(List.of()), null));
  private final ToolCalls toolCalls = new ToolCalls();
  private final List<ProposedAction> proposed = new ArrayList<>();
  private final List<ApprovalRequest> held = new ArrayList<>();
  private PolicyDecision decision = PolicyDecision.AUTO;
  private final List<String> titles = new ArrayList<>();

  private final AgentTool createTask =
      AgentTool.creating("create_task", io.steward.work.domain.Task.class)
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
    toolCalls.catalog = new ProposingCatalog();
    toolCalls.policies = new DecidingPolicies();
    toolCalls.approvals = new HoldingApprovals();
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

    ProposedAction action = proposed.get(0);
    assertEquals(run.context().workspace(), action.workspace());
    assertEquals("task", action.agent());
    assertEquals("create_task", action.tool());
    assertEquals(Requester.chatting("alice-id"), action.requester());
  }

  @Test
  void should_hold_a_change_the_policy_holds_and_tell_the_model_it_waits() {
    decision = PolicyDecision.APPROVE;

    call(createTask, "create_task", "{\"title\": \"Call Bob\"}");

    assertTrue(titles.isEmpty());
    assertEquals(1, held.size());
    assertEquals("call-1", held.get(0).toolCallId());
    assertEquals("run-1", held.get(0).runId());
    JsonObject approval =
        Json.createReader(new StringReader(result())).readObject().getJsonObject("approval");
    assertEquals(held.get(0).id().toString(), approval.getString("id"));
    assertEquals("pending", approval.getString("state"));
    assertTrue(run.context().holding());
  }

  @Test
  void should_refuse_a_change_the_policy_denies() {
    decision = PolicyDecision.DENY;

    call(createTask, "create_task", "{\"title\": \"Call Bob\"}");

    assertTrue(titles.isEmpty());
    assertTrue(held.isEmpty());
    assertTrue(result().startsWith("{\"error\":{\"code\":\"DENIED\""), result());
  }

  @Test
  void should_not_propose_a_change_for_a_person_who_may_only_read() {
    TestRun viewing =
        new TestRun(
            new ChatModelChoice(null, "offline", true, new OfflineChatModel(List.of()), null),
            WorkspaceRole.VIEWER);

    toolCalls.run(
        viewing.context(),
        Map.of("create_task", createTask),
        request("create_task", "{\"title\": \"x\"}"));

    assertTrue(proposed.isEmpty());
    assertTrue(
        viewing
            .events("TOOL_CALL_RESULT")
            .get(0)
            .getString("content")
            .startsWith("{\"error\":{\"code\":\"FORBIDDEN\""));
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
        AgentTool.creating("create_task", io.steward.work.domain.Task.class)
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

  /** Describes a call as creating a task, with the arguments it was given. */
  private static final class ProposingCatalog implements ActionCatalog {
    @Override
    public ProposedAction propose(
        WorkspaceId workspace, String agent, String tool, String arguments, Requester requester) {
      return new ProposedAction(
          workspace,
          agent,
          tool,
          arguments,
          ActionOperation.CREATE,
          "task",
          null,
          null,
          null,
          null,
          Map.of(),
          List.of(),
          null,
          null,
          requester,
          null,
          null);
    }

    @Override
    public String apply(
        WorkspaceId workspace, String agent, String tool, String arguments, Integer version) {
      throw new UnsupportedOperationException();
    }
  }

  /** Decides what the test says, and remembers what it was asked. */
  private final class DecidingPolicies implements ActionPolicies {
    @Override
    public PolicyVerdict verdict(ProposedAction action) {
      return new PolicyVerdict(decision, null);
    }

    @Override
    public PolicyVerdict judge(ProposedAction action, String runId) {
      proposed.add(action);
      return verdict(action);
    }

    @Override
    public List<io.steward.approval.domain.ActionPolicyRule> rules(WorkspaceId workspace) {
      throw new UnsupportedOperationException();
    }

    @Override
    public io.steward.approval.domain.ActionPolicyRule set(
        WorkspaceId workspace, UUID id, Integer version, io.steward.approval.domain.RuleSpec spec) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void remove(WorkspaceId workspace, UUID id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Simulation simulate(
        WorkspaceId workspace, String agent, String tool, String arguments, RequesterKind kind) {
      throw new UnsupportedOperationException();
    }
  }

  /** Holds requests in memory. */
  private final class HoldingApprovals implements Approvals {
    @Override
    public ApprovalRequest request(ProposedAction action, PolicyVerdict verdict, RunOrigin origin) {
      ApprovalRequest request =
          new ApprovalRequest(
              action, verdict, "hash", new ActionJson(null, null), origin, Instant.now());
      held.add(request);
      return request;
    }

    @Override
    public io.steward.tenancy.domain.RecordPage<ApprovalRequest> approvals(
        WorkspaceId workspace,
        Filter filter,
        io.steward.shared.application.Paging.PageRequest page) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ApprovalRequest approval(WorkspaceId workspace, UUID id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ApprovalRequest decide(
        WorkspaceId workspace, UUID id, Decision decision, String comment, String arguments)
        throws StewardException {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Outcome> decideAll(WorkspaceId workspace, List<Item> items) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<ApprovalRequest> pendingOf(WorkspaceId workspace, String runId) {
      return held;
    }

    @Override
    public List<ApprovalRequest> takeEnded(WorkspaceId workspace, String threadId) {
      return List.of();
    }

    @Override
    public io.steward.approval.domain.Oversight oversight(
        WorkspaceId workspace, Instant from, Instant to) {
      throw new UnsupportedOperationException();
    }
  }
}
