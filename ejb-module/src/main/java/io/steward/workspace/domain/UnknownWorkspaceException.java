package io.steward.workspace.domain;

import io.steward.shared.domain.FailureKind;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.WorkspaceId;

/** No workspace with this id is visible to the caller. */
public class UnknownWorkspaceException extends StewardException {

  public UnknownWorkspaceException(WorkspaceId id) {
    super("No workspace " + id);
  }

  @Override
  public FailureKind kind() {
    return FailureKind.NOT_FOUND;
  }
}
