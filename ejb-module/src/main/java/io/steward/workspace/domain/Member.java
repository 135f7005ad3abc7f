package io.steward.workspace.domain;

import io.steward.tenancy.domain.WorkspaceRole;

/** A person's membership of a workspace with their role. */
public record Member(DirectoryUser user, WorkspaceRole role) {

  public Member withRole(WorkspaceRole newRole) {
    return new Member(user, newRole);
  }
}
