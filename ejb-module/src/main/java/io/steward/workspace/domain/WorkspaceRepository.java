package io.steward.workspace.domain;

import io.steward.tenancy.domain.WorkspaceId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Stored workspace records. */
public interface WorkspaceRepository {

  Optional<Workspace> find(WorkspaceId id);

  /** The workspaces with these ids that exist, ordered by name. */
  List<Workspace> findAll(Collection<WorkspaceId> ids);

  /** Every workspace of the installation, ordered by name. */
  List<Workspace> findAll();

  void add(Workspace workspace);
}
