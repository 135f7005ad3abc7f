package io.steward.event.infrastructure.persistence;

import io.steward.event.domain.Outbox;
import io.steward.event.domain.OutboxEvent;
import io.steward.workspace.domain.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Transactional so that the change feed's poller, which runs outside any request, can read. */
@ApplicationScoped
@Transactional
public class JpaOutbox implements Outbox {

  @PersistenceContext(unitName = "steward")
  EntityManager em;

  @Override
  public void add(OutboxEvent event) {
    em.persist(event);
  }

  @Override
  public List<OutboxEvent> after(WorkspaceId workspace, long afterId, int limit) {
    return em.createQuery(
            "select e from OutboxEvent e where e.workspaceId = :workspace and e.id > :after"
                + " order by e.id",
            OutboxEvent.class)
        .setParameter("workspace", workspace.value())
        .setParameter("after", afterId)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<OutboxEvent> since(Instant from, int limit) {
    return em.createQuery(
            "select e from OutboxEvent e where e.occurredAt >= :from order by e.id",
            OutboxEvent.class)
        .setParameter("from", from)
        .setMaxResults(limit)
        .getResultList();
  }
}
