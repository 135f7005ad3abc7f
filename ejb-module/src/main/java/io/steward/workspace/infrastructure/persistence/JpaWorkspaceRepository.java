package io.steward.workspace.infrastructure.persistence;

import io.steward.tenancy.domain.WorkspaceId;
import io.steward.workspace.domain.Workspace;
import io.steward.workspace.domain.WorkspaceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaWorkspaceRepository implements WorkspaceRepository {

  @PersistenceContext(unitName = "steward")
  EntityManager em;

  @Override
  public Optional<Workspace> find(WorkspaceId id) {
    return Optional.ofNullable(em.find(Workspace.class, id.value()));
  }

  @Override
  public List<Workspace> findAll(Collection<WorkspaceId> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createNamedQuery("Workspace.findByIds", Workspace.class)
        .setParameter("ids", ids.stream().map(WorkspaceId::value).toList())
        .getResultList();
  }

  @Override
  public List<Workspace> findAll() {
    return em.createNamedQuery("Workspace.findAll", Workspace.class).getResultList();
  }

  @Override
  public void add(Workspace workspace) {
    em.persist(workspace);
  }
}
