package io.steward.shared.domain;

/** An input value broke a rule; names the field and the rule. */
public class InvalidInputException extends StewardException {

  private final String field;

  public InvalidInputException(String field, String rule) {
    super(field + ": " + rule);
    this.field = field;
  }

  @Override
  public FailureKind kind() {
    return FailureKind.VALIDATION;
  }

  @Override
  public String field() {
    return field;
  }
}
