package io.steward.workspace.domain;

import io.steward.shared.domain.FailureKind;
import io.steward.shared.domain.StewardException;

/** A workspace must keep at least one owner. */
public class LastOwnerException extends StewardException {

  public LastOwnerException() {
    super("A workspace must keep at least one owner; make someone else owner first");
  }

  @Override
  public FailureKind kind() {
    return FailureKind.CONFLICT;
  }
}
