package io.steward.agent.domain;

import io.steward.tenancy.domain.WorkspaceId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stored runs, their events and threads; every lookup starts from the workspace. */
public interface AgentRuns {

  /**
   * Stores a new run.
   *
   * @throws RunIdTakenException if the workspace has a run with its runId, also one stored
   *     concurrently
   */
  void add(AgentRun run) throws RunIdTakenException;

  Optional<AgentRun> run(WorkspaceId workspace, String runId);

  /**
   * Runs newest first, of one thread when {@code threadId} is given, of one person when {@code
   * startedBy} is given.
   */
  List<AgentRun> runs(
      WorkspaceId workspace, String threadId, String startedBy, int offset, int limit);

  long count(WorkspaceId workspace, String threadId, String startedBy);

  /** Runs still marked running on this server instance. */
  List<AgentRun> running(String node);

  void addEvents(List<RunEvent> events);

  List<RunEvent> events(AgentRun run, int afterSequence, int limit);

  /** The sequence number of the run's last stored event, 0 when it has none. */
  int lastSequence(AgentRun run);

  Optional<AgentThread> thread(WorkspaceId workspace, String threadId);

  void addThread(AgentThread thread);

  /** The workspace's saved playbooks, newest first. */
  List<SavedPlaybook> playbooks(WorkspaceId workspace, int limit);

  Optional<SavedPlaybook> playbook(WorkspaceId workspace, UUID id);

  void addPlaybook(SavedPlaybook playbook);

  void removePlaybook(SavedPlaybook playbook);
}
