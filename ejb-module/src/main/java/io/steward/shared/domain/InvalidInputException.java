package io.steward.shared.domain;

/** An input value broke a rule; names the field and the rule. */
public class InvalidInputException extends StewardException {

  public InvalidInputException(String field, String rule) {
    super(field + ": " + rule, field);
  }

  @Override
  public FailureKind kind() {
    return FailureKind.VALIDATION;
  }
}
