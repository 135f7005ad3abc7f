package io.steward.shared.domain;

/** The caller is signed in but may not do this here. */
public class AccessDeniedException extends StewardException {

  public AccessDeniedException(String message) {
    super(message);
  }

  @Override
  public FailureKind kind() {
    return FailureKind.FORBIDDEN;
  }
}
