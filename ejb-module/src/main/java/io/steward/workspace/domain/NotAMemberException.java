package io.steward.workspace.domain;

import io.steward.shared.domain.FailureKind;
import io.steward.shared.domain.StewardException;

/** The user is not a member of the workspace. */
public class NotAMemberException extends StewardException {

  public NotAMemberException(String userId) {
    super("User " + userId + " is not a member of this workspace");
  }

  @Override
  public FailureKind kind() {
    return FailureKind.NOT_FOUND;
  }
}
