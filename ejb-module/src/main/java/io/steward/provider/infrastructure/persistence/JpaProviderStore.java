package io.steward.provider.infrastructure.persistence;

import io.steward.provider.domain.AgentSettings;
import io.steward.provider.domain.AiSettings;
import io.steward.provider.domain.ModelProvider;
import io.steward.provider.domain.ModelUsage;
import io.steward.provider.domain.ProviderStore;
import io.steward.provider.domain.UsageTotal;
import io.steward.tenancy.domain.WorkspaceId;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Joins the caller's transaction for writes; reads need none. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class JpaProviderStore implements ProviderStore {

  private static final Map<String, String> GROUPINGS =
      Map.of("model", "u.model", "agent", "u.agent", "user", "u.userId");

  @PersistenceContext(unitName = "steward")
  EntityManager em;

  @Override
  public void add(ModelProvider provider) {
    em.persist(provider);
  }

  @Override
  public void remove(ModelProvider provider) {
    em.remove(provider);
  }

  @Override
  public Optional<ModelProvider> provider(WorkspaceId workspace, UUID id) {
    return provider(id).filter(p -> p.workspace().equals(workspace));
  }

  @Override
  public Optional<ModelProvider> providerNamed(WorkspaceId workspace, String name) {
    return em.createQuery(
            "select p from ModelProvider p where p.workspaceId = :workspace and p.name = :name",
            ModelProvider.class)
        .setParameter("workspace", workspace.value())
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<ModelProvider> provider(UUID id) {
    return Optional.ofNullable(em.find(ModelProvider.class, id));
  }

  @Override
  public List<ModelProvider> providers(WorkspaceId workspace) {
    return em.createQuery(
            "select p from ModelProvider p where p.workspaceId = :workspace order by p.name",
            ModelProvider.class)
        .setParameter("workspace", workspace.value())
        .getResultList();
  }

  @Override
  public List<UUID> sealedUnderOtherKeys(String keyId, int limit) {
    return em.createQuery(
            "select p.id from ModelProvider p where p.apiKey.keyId is not null"
                + " and p.apiKey.keyId <> :key order by p.id",
            UUID.class)
        .setParameter("key", keyId)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public Optional<AiSettings> settings(WorkspaceId workspace) {
    return Optional.ofNullable(em.find(AiSettings.class, workspace.value()));
  }

  @Override
  public void add(AiSettings settings) {
    em.persist(settings);
  }

  @Override
  public Optional<AgentSettings> agentSettings(WorkspaceId workspace, String agent) {
    return em.createQuery(
            "select s from AgentSettings s where s.workspaceId = :workspace and s.agent = :agent",
            AgentSettings.class)
        .setParameter("workspace", workspace.value())
        .setParameter("agent", agent)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<AgentSettings> agentSettings(WorkspaceId workspace) {
    return em.createQuery(
            "select s from AgentSettings s where s.workspaceId = :workspace order by s.agent",
            AgentSettings.class)
        .setParameter("workspace", workspace.value())
        .getResultList();
  }

  @Override
  public void add(AgentSettings settings) {
    em.persist(settings);
  }

  @Override
  public void add(ModelUsage usage) {
    em.persist(usage);
  }

  @Override
  public UsageTotal used(WorkspaceId workspace, String agent, Instant from, Instant to) {
    TypedQuery<Object[]> query =
        em.createQuery(
                "select coalesce(sum(u.inputTokens), 0), coalesce(sum(u.outputTokens), 0),"
                    + " count(u) from ModelUsage u where u.workspaceId = :workspace"
                    + " and u.calledAt >= :from and u.calledAt < :to"
                    + (agent == null ? "" : " and u.agent = :agent"),
                Object[].class)
            .setParameter("workspace", workspace.value())
            .setParameter("from", from)
            .setParameter("to", to);
    if (agent != null) {
      query.setParameter("agent", agent);
    }
    Object[] sums = query.getSingleResult();
    return new UsageTotal(agent, number(sums[0]), number(sums[1]), number(sums[2]));
  }

  @Override
  public List<UsageTotal> usedBy(WorkspaceId workspace, String grouping, Instant from, Instant to) {
    String key = GROUPINGS.get(grouping);
    if (key == null) {
      throw new IllegalArgumentException("no usage grouping " + grouping);
    }
    return em.createQuery(
            "select "
                + key
                + ", sum(u.inputTokens), sum(u.outputTokens), count(u) from ModelUsage u"
                + " where u.workspaceId = :workspace and u.calledAt >= :from and u.calledAt < :to"
                + " group by "
                + key
                + " order by sum(u.inputTokens) + sum(u.outputTokens) desc, "
                + key,
            Object[].class)
        .setParameter("workspace", workspace.value())
        .setParameter("from", from)
        .setParameter("to", to)
        .getResultStream()
        .map(row -> new UsageTotal((String) row[0], number(row[1]), number(row[2]), number(row[3])))
        .toList();
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
