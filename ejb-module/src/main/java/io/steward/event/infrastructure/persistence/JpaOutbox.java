package io.steward.event.infrastructure.persistence;

import io.steward.event.domain.Outbox;
import io.steward.event.domain.OutboxEvent;
import io.steward.tenancy.domain.WorkspaceId;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * An EJB that joins the caller's transaction when there is one (writes always have one) and reads
 * without one otherwise: the change feed's poller runs outside any request and must not hold
 * transactions or enlist connections in them.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
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
