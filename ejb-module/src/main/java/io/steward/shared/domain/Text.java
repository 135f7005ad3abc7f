package io.steward.shared.domain;

/** Checks for free-text input that every capability applies the same way. */
public final class Text {

  private Text() {}

  /** The trimmed value, required to be 1..maxLength characters without control characters. */
  public static String requireSingleLine(String field, String value, int maxLength)
      throws InvalidInputException {
    String trimmed = value == null ? "" : value.strip();
    if (trimmed.isEmpty()) {
      throw new InvalidInputException(field, "must not be empty");
    }
    if (trimmed.length() > maxLength) {
      throw new InvalidInputException(field, "must be at most " + maxLength + " characters");
    }
    if (trimmed.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidInputException(field, "must not contain control characters");
    }
    return trimmed;
  }
}
