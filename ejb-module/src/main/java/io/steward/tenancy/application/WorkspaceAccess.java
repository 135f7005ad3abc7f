package io.steward.tenancy.application;

import io.steward.shared.domain.AccessDeniedException;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The tenant check every capability makes before touching a workspace's data: the caller's token
 * must name the workspace with at least the required role. A workspace the caller is not a member
 * of is refused with the same answer whether it exists or not, so ids of other tenants leak
 * nothing.
 */
@ApplicationScoped
public class WorkspaceAccess {

  @Inject CurrentCaller currentCaller;

  /** The caller's role in the workspace, which includes {@code minimum}; otherwise refused. */
  public WorkspaceRole require(WorkspaceId workspace, WorkspaceRole minimum)
      throws AccessDeniedException {
    WorkspaceRole role =
        currentCaller
            .get()
            .roleIn(workspace)
            .orElseThrow(() -> new AccessDeniedException("No access to workspace " + workspace));
    if (!role.includes(minimum)) {
      throw new AccessDeniedException(
          "This needs the " + minimum.groupName() + " role in workspace " + workspace);
    }
    return role;
  }
}
