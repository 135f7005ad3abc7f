package io.steward.shared.domain;

/** A change that the record's current state does not allow, e.g. editing a closed deal. */
public class RuleViolationException extends StewardException {

  public RuleViolationException(String message) {
    super(message);
  }

  @Override
  public FailureKind kind() {
    return FailureKind.CONFLICT;
  }
}
