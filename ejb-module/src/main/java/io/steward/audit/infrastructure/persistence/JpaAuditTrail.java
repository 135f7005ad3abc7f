package io.steward.audit.infrastructure.persistence;

import io.steward.audit.domain.AuditEntry;
import io.steward.audit.domain.AuditTrail;
import io.steward.tenancy.domain.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

@ApplicationScoped
public class JpaAuditTrail implements AuditTrail {

  @PersistenceContext(unitName = "steward")
  EntityManager em;

  @Override
  public void add(AuditEntry entry) {
    em.persist(entry);
  }

  @Override
  public List<AuditEntry> page(WorkspaceId workspace, long beforeId, int limit) {
    return em.createNamedQuery("AuditEntry.pageOfWorkspace", AuditEntry.class)
        .setParameter("workspace", workspace.value())
        .setParameter("before", beforeId)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long count(WorkspaceId workspace) {
    return em.createNamedQuery("AuditEntry.countOfWorkspace", Long.class)
        .setParameter("workspace", workspace.value())
        .getSingleResult();
  }
}
