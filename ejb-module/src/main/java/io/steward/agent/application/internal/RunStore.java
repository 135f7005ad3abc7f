package io.steward.agent.application.internal;

import io.steward.agent.domain.AgentRun;
import io.steward.agent.domain.AgentRuns;
import io.steward.agent.domain.AgentThread;
import io.steward.agent.domain.RunEvent;
import io.steward.agent.domain.RunIdTakenException;
import io.steward.agent.domain.RunStatus;
import io.steward.tenancy.domain.WorkspaceId;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The writes of a run as it goes, each committed on its own: the run executes outside any
 * transaction, and what it stored must stay stored whatever happens next.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RunStore {

  @Inject AgentRuns runs;

  @PersistenceContext(unitName = "steward")
  EntityManager em;

  public void add(AgentRun run) throws RunIdTakenException {
    runs.add(run);
  }

  public void addEvents(List<RunEvent> events) {
    runs.addEvents(events);
  }

  public void routed(UUID run, String agent, String model) {
    em.find(AgentRun.class, run).routeTo(agent, model);
  }

  public void finish(
      UUID run,
      RunStatus status,
      String errorCode,
      long inputTokens,
      long outputTokens,
      int eventCount) {
    em.find(AgentRun.class, run)
        .finish(status, errorCode, inputTokens, outputTokens, eventCount, now());
  }

  /** Stores the thread's history after a run, creating the thread on its first run. */
  public void remember(
      WorkspaceId workspace, String threadId, String startedBy, String messages, String ids) {
    AgentThread thread =
        runs.thread(workspace, threadId)
            .orElseGet(
                () -> {
                  AgentThread created = new AgentThread(workspace, threadId, startedBy, now());
                  runs.addThread(created);
                  return created;
                });
    thread.remember(messages, ids, now());
  }

  private static Instant now() {
    return Instant.now(Clock.systemUTC());
  }
}
