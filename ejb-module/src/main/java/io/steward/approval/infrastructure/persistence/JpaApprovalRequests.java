package io.steward.approval.infrastructure.persistence;

import io.steward.approval.domain.ApprovalRequest;
import io.steward.approval.domain.ApprovalRequests;
import io.steward.approval.domain.ApprovalState;
import io.steward.tenancy.domain.WorkspaceId;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Joins the caller's transaction; the lock needs one. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class JpaApprovalRequests implements ApprovalRequests {

  @PersistenceContext(unitName = "steward")
  EntityManager em;

  @Override
  public Optional<ApprovalRequest> lock(WorkspaceId workspace, UUID id) {
    return em.createQuery(
            "select a from ApprovalRequest a where a.id = :id and a.workspaceId = :workspace",
            ApprovalRequest.class)
        .setParameter("id", id)
        .setParameter("workspace", workspace.value())
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<ApprovalRequest> due(Instant now, int limit) {
    return em.createQuery(
            "select a from ApprovalRequest a where a.state = :pending and a.expiresAt <= :now"
                + " order by a.expiresAt",
            ApprovalRequest.class)
        .setParameter("pending", ApprovalState.PENDING)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<ApprovalRequest> unfinished(Instant before, int limit) {
    return em.createQuery(
            "select a from ApprovalRequest a where a.state in :states and a.updatedAt < :before"
                + " order by a.updatedAt",
            ApprovalRequest.class)
        .setParameter("states", List.of(ApprovalState.APPROVED, ApprovalState.APPLYING))
        .setParameter("before", before)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<ApprovalRequest> madeBetween(
      WorkspaceId workspace, Instant from, Instant to, int limit) {
    return em.createQuery(
            "select a from ApprovalRequest a where a.workspaceId = :workspace"
                + " and a.createdAt >= :from and a.createdAt < :to",
            ApprovalRequest.class)
        .setParameter("workspace", workspace.value())
        .setParameter("from", from)
        .setParameter("to", to)
        .setMaxResults(limit)
        .getResultList();
  }
}
