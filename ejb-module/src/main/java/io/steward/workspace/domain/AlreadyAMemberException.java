package io.steward.workspace.domain;

import io.steward.shared.domain.FailureKind;
import io.steward.shared.domain.StewardException;

/** The user is a member of the workspace already; change their role instead. */
public class AlreadyAMemberException extends StewardException {

  public AlreadyAMemberException(String username) {
    super("User \"" + username + "\" is a member already; change their role instead");
  }

  @Override
  public FailureKind kind() {
    return FailureKind.CONFLICT;
  }
}
