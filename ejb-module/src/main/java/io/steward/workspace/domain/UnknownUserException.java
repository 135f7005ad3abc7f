package io.steward.workspace.domain;

import io.steward.shared.domain.FailureKind;
import io.steward.shared.domain.StewardException;

/** No user with this username or email exists in the directory. */
public class UnknownUserException extends StewardException {

  public UnknownUserException(String usernameOrEmail) {
    super("No user \"" + usernameOrEmail + "\"");
  }

  @Override
  public FailureKind kind() {
    return FailureKind.NOT_FOUND;
  }
}
