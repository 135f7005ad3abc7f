package io.steward.approval.domain;

import io.steward.tenancy.domain.WorkspaceRole;

/** Who may decide an approval request: any member with write access, or admins and owners. */
public enum Deciders {
  WRITERS(WorkspaceRole.MEMBER),
  ADMINS(WorkspaceRole.ADMIN);

  private final WorkspaceRole minimum;

  Deciders(WorkspaceRole minimum) {
    this.minimum = minimum;
  }

  /** The least role that may decide. */
  public WorkspaceRole minimum() {
    return minimum;
  }

  public boolean admit(WorkspaceRole role) {
    return role.includes(minimum);
  }
}
