package io.steward.agent.infrastructure.persistence;

import io.steward.agent.domain.AgentRun;
import io.steward.agent.domain.AgentRuns;
import io.steward.agent.domain.AgentThread;
import io.steward.agent.domain.RunEvent;
import io.steward.agent.domain.RunIdTakenException;
import io.steward.agent.domain.RunStatus;
import io.steward.agent.domain.SavedPlaybook;
import io.steward.shared.infrastructure.persistence.IntegrityConstraints;
import io.steward.tenancy.domain.WorkspaceId;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Joins the caller's transaction for writes; reads (replays, history) need none. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class JpaAgentRuns implements AgentRuns {

  @PersistenceContext(unitName = "steward")
  EntityManager em;

  @Override
  public void add(AgentRun run) throws RunIdTakenException {
    em.persist(run);
    try {
      // Flushed here so that a request racing this one with the same runId fails as a conflict.
      em.flush();
    } catch (PersistenceException e) {
      if (IntegrityConstraints.violatedBy(e)) {
        throw new RunIdTakenException(run.runId());
      }
      throw e;
    }
  }

  @Override
  public Optional<AgentRun> run(WorkspaceId workspace, String runId) {
    return em.createQuery(
            "select r from AgentRun r where r.workspaceId = :workspace and r.runId = :run",
            AgentRun.class)
        .setParameter("workspace", workspace.value())
        .setParameter("run", runId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<AgentRun> runs(
      WorkspaceId workspace, String threadId, String startedBy, int offset, int limit) {
    return ofWorkspace(
            "select r",
            " order by r.startedAt desc, r.id",
            AgentRun.class,
            workspace,
            threadId,
            startedBy)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long count(WorkspaceId workspace, String threadId, String startedBy) {
    return ofWorkspace("select count(r)", "", Long.class, workspace, threadId, startedBy)
        .getSingleResult();
  }

  /** Runs of the workspace, narrowed to a thread and a person when those are given. */
  private <T> TypedQuery<T> ofWorkspace(
      String select,
      String order,
      Class<T> type,
      WorkspaceId workspace,
      String threadId,
      String startedBy) {
    String query =
        select
            + " from AgentRun r where r.workspaceId = :workspace"
            + (threadId == null ? "" : " and r.threadId = :thread")
            + (startedBy == null ? "" : " and r.startedBy = :startedBy")
            + order;
    TypedQuery<T> typed = em.createQuery(query, type).setParameter("workspace", workspace.value());
    if (threadId != null) {
      typed.setParameter("thread", threadId);
    }
    if (startedBy != null) {
      typed.setParameter("startedBy", startedBy);
    }
    return typed;
  }

  @Override
  public List<AgentRun> running(String node) {
    return em.createQuery(
            "select r from AgentRun r where r.status = :status and r.node = :node", AgentRun.class)
        .setParameter("status", RunStatus.RUNNING)
        .setParameter("node", node)
        .getResultList();
  }

  @Override
  public void addEvents(List<RunEvent> events) {
    events.forEach(em::persist);
  }

  @Override
  public List<RunEvent> events(AgentRun run, int afterSequence, int limit) {
    return em.createQuery(
            "select e from RunEvent e where e.run = :run and e.sequence > :after"
                + " order by e.sequence",
            RunEvent.class)
        .setParameter("run", run.id())
        .setParameter("after", afterSequence)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public int lastSequence(AgentRun run) {
    Integer last =
        em.createQuery("select max(e.sequence) from RunEvent e where e.run = :run", Integer.class)
            .setParameter("run", run.id())
            .getSingleResult();
    return last == null ? 0 : last;
  }

  @Override
  public Optional<AgentThread> thread(WorkspaceId workspace, String threadId) {
    return em.createQuery(
            "select t from AgentThread t where t.workspaceId = :workspace"
                + " and t.threadId = :thread",
            AgentThread.class)
        .setParameter("workspace", workspace.value())
        .setParameter("thread", threadId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void addThread(AgentThread thread) {
    em.persist(thread);
  }

  @Override
  public List<SavedPlaybook> playbooks(WorkspaceId workspace, int limit) {
    return em.createQuery(
            "select p from SavedPlaybook p where p.workspaceId = :workspace"
                + " order by p.createdAt desc, p.id",
            SavedPlaybook.class)
        .setParameter("workspace", workspace.value())
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public Optional<SavedPlaybook> playbook(WorkspaceId workspace, UUID id) {
    return em.createQuery(
            "select p from SavedPlaybook p where p.workspaceId = :workspace and p.id = :id",
            SavedPlaybook.class)
        .setParameter("workspace", workspace.value())
        .setParameter("id", id)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void addPlaybook(SavedPlaybook playbook) {
    em.persist(playbook);
  }

  @Override
  public void removePlaybook(SavedPlaybook playbook) {
    em.remove(playbook);
  }
}
