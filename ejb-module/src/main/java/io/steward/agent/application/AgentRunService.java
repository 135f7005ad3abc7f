package io.steward.agent.application;

import io.steward.agent.domain.AgentRun;
import io.steward.agent.domain.RunEvent;
import io.steward.agent.spi.Agent;
import io.steward.shared.application.Paging.PageRequest;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.RecordPage;
import io.steward.tenancy.domain.WorkspaceId;
import java.util.List;

/**
 * Runs of agents in a workspace. Members of any role may run agents (what the tools may change
 * follows the person's role). A run, its events and its thread are visible to the person who
 * started it and to the workspace's admins and owners.
 */
public interface AgentRunService {

  /** The agents this installation offers, for a member of the workspace. */
  List<Agent> agents(WorkspaceId workspace) throws StewardException;

  /**
   * Starts a run (of the named agent, or routed by its message when {@code agentName} is null) and
   * sends its events to {@code listener} from the first.
   */
  void start(WorkspaceId workspace, String agentName, RunRequest request, RunListener listener)
      throws StewardException;

  /** Sends a run's events after {@code afterSequence}: the stored ones, then live ones. */
  void watch(WorkspaceId workspace, String runId, int afterSequence, RunListener listener)
      throws StewardException;

  /** Asks a running run to stop; it finishes with the outcome "cancelled". */
  AgentRun cancel(WorkspaceId workspace, String runId) throws StewardException;

  AgentRun run(WorkspaceId workspace, String runId) throws StewardException;

  /** Runs newest first, of one thread when {@code threadId} is given. */
  RecordPage<AgentRun> runs(WorkspaceId workspace, String threadId, PageRequest page)
      throws StewardException;

  /** A run's stored events after {@code afterSequence}, in order. */
  List<RunEvent> events(WorkspaceId workspace, String runId, int afterSequence, int limit)
      throws StewardException;
}
