package io.steward.agent.application.internal;

import io.steward.agent.application.RunRequest.ContextItem;
import io.steward.agent.application.internal.LiveRuns.LiveRun;
import io.steward.agent.spi.Agent;
import io.steward.approval.domain.Requester;
import io.steward.provider.application.ChatModelChoice;
import io.steward.tenancy.application.Caller;
import io.steward.workspace.domain.Workspace;
import java.util.List;
import java.util.UUID;

/**
 * Everything a run needs to execute away from the request that started it. {@code stages} is empty
 * when the orchestrator is to pick the agents by the message; {@code model} is null when the client
 * named none (each agent's model is then resolved once the agent is known). In {@code plan} mode
 * the run answers an execution plan instead of acting.
 */
record RunJob(
    UUID run,
    Workspace workspace,
    String runId,
    String threadId,
    Caller caller,
    Requester requester,
    List<Stage> stages,
    boolean plan,
    ChatModelChoice model,
    Conversation conversation,
    List<ContextItem> context,
    LiveRun live) {

  /**
   * One agent's turn: the agent, the task it is given (a rendered prompt template, or null to
   * answer the conversation) and the earlier stages (1-based) whose results it uses.
   */
  record Stage(Agent agent, String task, List<Integer> from) {

    Stage {
      from = List.copyOf(from);
    }

    static Stage of(Agent agent) {
      return new Stage(agent, null, List.of());
    }
  }
}
