package io.steward.agent.application.internal;

import io.steward.agent.application.Agent;
import io.steward.agent.application.RunRequest.ContextItem;
import io.steward.agent.application.internal.LiveRuns.LiveRun;
import io.steward.provider.application.ChatModelChoice;
import io.steward.workspace.application.Caller;
import io.steward.workspace.domain.Workspace;
import java.util.List;
import java.util.UUID;

/**
 * Everything a run needs to execute away from the request that started it. {@code agent} is null
 * when the run is to be routed to an agent by its message, {@code model} when the client named none
 * (the agent's model is then resolved once the agent is known).
 */
record RunJob(
    UUID run,
    Workspace workspace,
    String runId,
    String threadId,
    Caller caller,
    Agent agent,
    ChatModelChoice model,
    Conversation conversation,
    List<ContextItem> context,
    LiveRun live) {}
