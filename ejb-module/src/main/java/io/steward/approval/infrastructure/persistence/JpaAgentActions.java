package io.steward.approval.infrastructure.persistence;

import io.steward.approval.domain.AgentAction;
import io.steward.approval.domain.AgentActions;
import io.steward.approval.domain.PolicyDecision;
import io.steward.tenancy.domain.WorkspaceId;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class JpaAgentActions implements AgentActions {

  @PersistenceContext(unitName = "steward")
  EntityManager em;

  @Override
  public void add(AgentAction action) {
    em.persist(action);
  }

  @Override
  public Map<PolicyDecision, Long> countByDecision(
      WorkspaceId workspace, Instant from, Instant to) {
    Map<PolicyDecision, Long> counts = new EnumMap<>(PolicyDecision.class);
    for (PolicyDecision decision : PolicyDecision.values()) {
      counts.put(decision, 0L);
    }
    em.createQuery(
            "select a.decision, count(a) from AgentAction a where a.workspaceId = :workspace"
                + " and a.decidedAt >= :from and a.decidedAt < :to group by a.decision",
            Object[].class)
        .setParameter("workspace", workspace.value())
        .setParameter("from", from)
        .setParameter("to", to)
        .getResultList()
        .forEach(row -> counts.put((PolicyDecision) row[0], (Long) row[1]));
    return counts;
  }
}
