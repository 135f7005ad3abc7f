package io.steward.agent.application.internal;

import io.steward.agent.application.AgentRegistry;
import io.steward.agent.application.AgentRunService;
import io.steward.agent.application.RunListener;
import io.steward.agent.application.RunRequest;
import io.steward.agent.application.RunRequest.InputMessage;
import io.steward.agent.application.internal.LiveRuns.LiveRun;
import io.steward.agent.application.internal.RunJob.Stage;
import io.steward.agent.domain.AgentRun;
import io.steward.agent.domain.AgentRuns;
import io.steward.agent.domain.AgentThread;
import io.steward.agent.domain.RunEvent;
import io.steward.agent.domain.RunIdTakenException;
import io.steward.agent.spi.Agent;
import io.steward.approval.domain.Requester;
import io.steward.approval.domain.RequesterKind;
import io.steward.provider.application.ChatModelChoice;
import io.steward.shared.application.Paging.PageRequest;
import io.steward.shared.domain.AccessDeniedException;
import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.RuleViolationException;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.application.Caller;
import io.steward.tenancy.application.CurrentCaller;
import io.steward.tenancy.application.WorkspaceAccess;
import io.steward.tenancy.domain.RecordPage;
import io.steward.tenancy.domain.UnknownRecordException;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRole;
import io.steward.workspace.application.WorkspaceService;
import io.steward.workspace.domain.Workspace;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Starts runs on this instance and serves their events, live or stored. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DefaultAgentRunService implements AgentRunService {

  static final String NODE = System.getProperty("com.sun.aas.instanceName", "server");
  private static final String AUTO_ROUTED = "auto";
  static final int MAX_MESSAGE_CHARS = 32_000;
  private static final int MAX_MESSAGES = 200;

  @Inject WorkspaceAccess access;
  @Inject CurrentCaller currentCaller;
  @Inject WorkspaceService workspaces;
  @Inject AgentRegistry registry;
  @Inject RunModels models;
  @Inject AgentRuns runs;
  @Inject RunStore store;
  @Inject LiveRuns liveRuns;
  @Inject RunExecutor executor;
  @Inject StoredRunReplay replay;
  @Inject RunRouting routing;
  @Inject InterruptAnswers interruptAnswers;

  @Override
  public List<Agent> agents(WorkspaceId workspace) throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    return registry.agents();
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void start(
      WorkspaceId workspace, String agentName, RunRequest request, RunListener listener)
      throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    validate(request);
    List<Stage> stages = routing.stagesOf(workspace, agentName, request.orchestration());
    ChatModelChoice model = models.requested(workspace, request.model());
    if (runs.run(workspace, request.runId()).isPresent()) {
      throw new RunIdTakenException(request.runId());
    }
    Optional<String> resumedAgent =
        interruptAnswers.decide(workspace, request.threadId(), request.resume());
    if (stages.isEmpty() && resumedAgent.isPresent() && !request.orchestration().plan()) {
      // Carrying on after interrupts: the agent that asked goes on, no need to classify again.
      stages = List.of(Stage.of(registry.agent(resumedAgent.get()).orElseThrow()));
    }
    Caller caller = currentCaller.get();
    Conversation conversation = conversationOf(workspace, request.threadId(), caller);
    conversation.addInput(request.messages());
    Workspace place = workspaces.workspace(workspace);
    AgentRun run =
        new AgentRun(
            workspace,
            request.runId(),
            request.threadId(),
            stages.isEmpty() ? AUTO_ROUTED : RunRouting.label(stages),
            model == null ? AUTO_ROUTED : model.name(),
            caller.userId(),
            RequesterKind.CHAT,
            Instant.now(Clock.systemUTC()),
            NODE);
    store.add(run);
    LiveRun live = liveRuns.open(run.id());
    live.watch(0, listener);
    executor.execute(
        new RunJob(
            run.id(),
            place,
            request.runId(),
            request.threadId(),
            caller,
            Requester.chatting(caller.userId()),
            stages,
            request.orchestration().plan(),
            model,
            conversation,
            request.context(),
            live));
  }

  private Conversation conversationOf(WorkspaceId workspace, String threadId, Caller caller)
      throws AccessDeniedException {
    AgentThread thread = runs.thread(workspace, threadId).orElse(null);
    if (thread == null) {
      return Conversation.restore("[]", "[]");
    }
    if (!thread.startedBy().equals(caller.userId())) {
      throw new AccessDeniedException("Thread " + threadId + " belongs to another person");
    }
    return Conversation.restore(thread.messages(), thread.messageIds());
  }

  private static void validate(RunRequest request) throws InvalidInputException {
    requireId("threadId", request.threadId());
    requireId("runId", request.runId());
    if (request.messages().size() > MAX_MESSAGES) {
      throw new InvalidInputException("messages", "must hold at most " + MAX_MESSAGES);
    }
    for (int i = 0; i < request.messages().size(); i++) {
      InputMessage message = request.messages().get(i);
      if (message.role() == null) {
        throw new InvalidInputException("messages[" + i + "].role", "is required");
      }
      if (message.id() != null && message.id().length() > AgentRun.ID_MAX_LENGTH) {
        throw new InvalidInputException(
            "messages[" + i + "].id", "must be at most " + AgentRun.ID_MAX_LENGTH + " characters");
      }
      if (message.content() != null && message.content().length() > MAX_MESSAGE_CHARS) {
        throw new InvalidInputException(
            "messages[" + i + "].content", "must be at most " + MAX_MESSAGE_CHARS + " characters");
      }
    }
  }

  private static void requireId(String field, String id) throws InvalidInputException {
    if (id == null || id.isBlank() || id.length() > AgentRun.ID_MAX_LENGTH) {
      throw new InvalidInputException(
          field, "is required, at most " + AgentRun.ID_MAX_LENGTH + " characters");
    }
  }

  @Override
  public void watch(WorkspaceId workspace, String runId, int afterSequence, RunListener listener)
      throws StewardException {
    AgentRun run = run(workspace, runId);
    LiveRun live = liveRuns.find(run.id()).orElse(null);
    if (live != null) {
      live.watch(afterSequence, listener);
    } else {
      replay.start(run, afterSequence, listener);
    }
  }

  @Override
  public AgentRun cancel(WorkspaceId workspace, String runId) throws StewardException {
    AgentRun run = run(workspace, runId);
    if (run.finished()) {
      throw new RuleViolationException("Run " + runId + " has already finished");
    }
    LiveRun live =
        liveRuns
            .find(run.id())
            .orElseThrow(
                () ->
                    new RuleViolationException(
                        "Run " + runId + " runs on another server; cancel it there"));
    live.requestCancel();
    return run;
  }

  @Override
  public AgentRun run(WorkspaceId workspace, String runId) throws StewardException {
    WorkspaceRole role = access.require(workspace, WorkspaceRole.VIEWER);
    AgentRun run =
        runs.run(workspace, runId)
            .orElseThrow(() -> new UnknownRecordException("run", runId, "runId"));
    if (!run.startedBy().equals(currentCaller.get().userId())
        && !role.includes(WorkspaceRole.ADMIN)) {
      throw new AccessDeniedException("Run " + runId + " was started by another person");
    }
    return run;
  }

  @Override
  public RecordPage<AgentRun> runs(WorkspaceId workspace, String threadId, PageRequest page)
      throws StewardException {
    WorkspaceRole role = access.require(workspace, WorkspaceRole.VIEWER);
    String startedBy = role.includes(WorkspaceRole.ADMIN) ? null : currentCaller.get().userId();
    List<AgentRun> found =
        runs.runs(workspace, threadId, startedBy, page.offset(), page.limit() + 1);
    boolean hasNextPage = found.size() > page.limit();
    return new RecordPage<>(
        hasNextPage ? found.subList(0, page.limit()) : found,
        page.offset(),
        hasNextPage,
        runs.count(workspace, threadId, startedBy));
  }

  @Override
  public List<RunEvent> events(WorkspaceId workspace, String runId, int afterSequence, int limit)
      throws StewardException {
    if (limit < 1 || limit > 1000) {
      throw new InvalidInputException("first", "must be between 1 and 1000");
    }
    return runs.events(run(workspace, runId), afterSequence, limit);
  }
}
