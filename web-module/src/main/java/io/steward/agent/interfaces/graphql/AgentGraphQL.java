package io.steward.agent.interfaces.graphql;

import io.steward.agent.application.AgentRegistry;
import io.steward.agent.application.AgentRunService;
import io.steward.agent.application.PlanStep;
import io.steward.agent.application.Playbooks;
import io.steward.agent.application.Playbooks.Playbook;
import io.steward.agent.domain.AgentRun;
import io.steward.agent.domain.RunEvent;
import io.steward.agent.spi.Agent;
import io.steward.agent.spi.AgentTool;
import io.steward.shared.application.Paging;
import io.steward.shared.domain.StewardException;
import io.steward.shared.interfaces.graphql.PageInfo;
import io.steward.shared.interfaces.graphql.TranslatesFailures;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.interfaces.graphql.Connections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/**
 * The agents a workspace can run and the history of its runs. Runs themselves start and stream over
 * AG-UI ({@code POST /api/workspaces/{id}/runs}); here a front end lists them and reads a run's
 * stored events.
 */
@GraphQLApi
@ApplicationScoped
@TranslatesFailures
public class AgentGraphQL {

  private static final String WORKSPACE_ID = "workspaceId";

  @Inject AgentRunService runs;
  @Inject AgentRegistry registry;
  @Inject Playbooks playbooks;

  @Name("Agent")
  @Description("An agent and the skills (tools) it may use")
  public record AgentView(
      @NonNull String name, @NonNull String description, @NonNull List<@NonNull SkillView> skills) {

    AgentView(Agent agent, List<AgentTool> tools) {
      this(agent.name(), agent.description(), tools.stream().map(SkillView::new).toList());
    }
  }

  @Name("AgentSkill")
  public record SkillView(
      @NonNull String name,
      @NonNull String description,
      @NonNull @Description("Whether using it changes data (such changes pass the action policy)")
          boolean changesData) {

    SkillView(AgentTool tool) {
      this(tool.name(), tool.description(), tool.changesData());
    }
  }

  @Name("AgentRun")
  @Description("One run of an agent, as started over AG-UI")
  public record RunView(
      @NonNull @Id @Description("The client's AG-UI runId") String runId,
      @NonNull @Id String threadId,
      @NonNull @Description("The agent that ran (\"auto\" until routing chose one)") String agent,
      @NonNull @Description("The model, \"offline\" for the built-in one") String model,
      @NonNull @Description("RUNNING, SUCCEEDED, FAILED or CANCELLED") String status,
      @NonNull @Description("User id of the person who started it") String startedBy,
      @NonNull OffsetDateTime startedAt,
      OffsetDateTime finishedAt,
      @Description("Why it failed, as in its RUN_ERROR event") String errorCode,
      @NonNull long inputTokens,
      @NonNull long outputTokens,
      @NonNull @Description("How many events it has stored") int eventCount) {

    RunView(AgentRun run) {
      this(
          run.runId(),
          run.threadId(),
          run.agent(),
          run.model(),
          run.status().name(),
          run.startedBy(),
          run.startedAt().atOffset(ZoneOffset.UTC),
          run.finishedAt() == null ? null : run.finishedAt().atOffset(ZoneOffset.UTC),
          run.errorCode(),
          run.inputTokens(),
          run.outputTokens(),
          run.eventCount());
    }
  }

  @Name("AgentRunConnection")
  @Description("A page of runs, newest first")
  public record Runs(
      @NonNull List<@NonNull RunEdge> edges, @NonNull PageInfo pageInfo, int totalCount) {}

  @Name("AgentRunEdge")
  public record RunEdge(@NonNull String cursor, @NonNull RunView node) {}

  @Name("AgentRunEvent")
  @Description("A stored AG-UI event of a run")
  public record EventView(
      @NonNull @Description("Its position in the run: the SSE event id") int sequence,
      @NonNull @Description("The AG-UI event type, e.g. TEXT_MESSAGE_CONTENT") String type,
      @NonNull @Description("The event as sent, a JSON object") String json) {

    EventView(RunEvent event) {
      this(event.sequence(), event.type(), event.payload());
    }
  }

  @Name("Playbook")
  @Description(
      "An execution plan kept for running again (forwardedProps.playbook and .variables of a run)")
  public record PlaybookView(
      @NonNull @Id @Description("A name for built-in playbooks, a UUID otherwise") String id,
      @NonNull String name,
      @NonNull @Description("The request it answers") String request,
      @NonNull boolean builtIn,
      @NonNull @Description("Variables a run must supply") List<@NonNull String> variables,
      @NonNull List<@NonNull PlanStepView> steps,
      @Description("User id of who kept it; absent for built-in ones") String createdBy,
      OffsetDateTime createdAt) {

    PlaybookView(Playbook playbook) {
      this(
          playbook.id(),
          playbook.name(),
          playbook.request(),
          playbook.builtIn(),
          playbook.variables(),
          playbook.steps().stream().map(PlanStepView::new).toList(),
          playbook.createdBy(),
          playbook.createdAt() == null ? null : playbook.createdAt().atOffset(ZoneOffset.UTC));
    }
  }

  @Name("PlanStep")
  @Description("A step: the acting agent, a prompt template (by id only), its variables")
  public record PlanStepView(
      @NonNull @Description("The agent that acts") String action,
      @NonNull @Description("The prompt template's id; its text stays on the server")
          String template,
      @NonNull @Description("Values, or $name for a variable the run supplies")
          List<@NonNull VariableView> variables,
      @NonNull @Description("Earlier steps (1-based) whose results it uses")
          List<@NonNull Integer> from) {

    PlanStepView(PlanStep step) {
      this(
          step.action(),
          step.template(),
          step.variables().entrySet().stream()
              .sorted(Map.Entry.comparingByKey())
              .map(v -> new VariableView(v.getKey(), v.getValue()))
              .toList(),
          step.from());
    }
  }

  @Name("PlanVariable")
  public record VariableView(@NonNull String name, @NonNull String value) {}

  @Query
  @Description("Built-in playbooks and the plans kept in the workspace")
  public @NonNull List<@NonNull PlaybookView> playbooks(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId) throws StewardException {
    return playbooks.playbooks(workspace(workspaceId)).stream().map(PlaybookView::new).toList();
  }

  @Mutation
  @Description("Deletes a kept plan (its author or admins; built-in playbooks stay)")
  public boolean deletePlaybook(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId, @NonNull @Id @Name("id") String id)
      throws StewardException {
    playbooks.delete(workspace(workspaceId), id);
    return true;
  }

  @Query
  @Description("The agents that can be run in the workspace")
  public @NonNull List<@NonNull AgentView> agents(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId) throws StewardException {
    return runs.agents(workspace(workspaceId)).stream()
        .map(agent -> new AgentView(agent, registry.toolsOf(agent)))
        .toList();
  }

  @Query
  @Description(
      "Runs newest first, of one thread if given: the caller's own, or all for admins and owners")
  public @NonNull Runs agentRuns(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @Id @Name("threadId") String threadId,
      @Name("first") @DefaultValue("20") @Description("Page size, 1 to 100") int first,
      @Name("after") @Description("Cursor of the last edge of the previous page") String after)
      throws StewardException {
    return Connections.of(
        runs.runs(workspace(workspaceId), threadId, Paging.request(first, after)),
        RunView::new,
        RunEdge::new,
        Runs::new);
  }

  @Query
  @Description("One run")
  public @NonNull RunView agentRun(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId, @NonNull @Id @Name("runId") String runId)
      throws StewardException {
    return new RunView(runs.run(workspace(workspaceId), runId));
  }

  @Query
  @Description("A run's stored events after a sequence number, in order")
  public @NonNull List<@NonNull EventView> agentRunEvents(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Id @Name("runId") String runId,
      @Name("after") @DefaultValue("0") @Description("Sequence number to start after") int after,
      @Name("first") @DefaultValue("200") @Description("How many, 1 to 1000") int first)
      throws StewardException {
    return runs.events(workspace(workspaceId), runId, after, first).stream()
        .map(EventView::new)
        .toList();
  }

  private static WorkspaceId workspace(String workspaceId) throws StewardException {
    return WorkspaceId.parse(WORKSPACE_ID, workspaceId);
  }
}
