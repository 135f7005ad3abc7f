package io.steward.shared.domain;

import java.nio.charset.StandardCharsets;

/** Checks for free-text input that every capability applies the same way. */
public final class Text {

  /** Markdown bodies (descriptions, notes, comments) are at most 100 kB of UTF-8. */
  public static final int MARKDOWN_MAX_BYTES = 100_000;

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

  /** Like {@link #requireSingleLine}, but absent or blank input is null. */
  public static String optionalSingleLine(String field, String value, int maxLength)
      throws InvalidInputException {
    return value == null || value.isBlank() ? null : requireSingleLine(field, value, maxLength);
  }

  /**
   * Markdown text: at most {@link #MARKDOWN_MAX_BYTES} bytes, line breaks and tabs allowed but no
   * other control characters. Blank input is null unless {@code required}.
   */
  public static String markdown(String field, String value, boolean required)
      throws InvalidInputException {
    if (value == null || value.isBlank()) {
      if (required) {
        throw new InvalidInputException(field, "must not be empty");
      }
      return null;
    }
    if (value.getBytes(StandardCharsets.UTF_8).length > MARKDOWN_MAX_BYTES) {
      throw new InvalidInputException(
          field, "must be at most " + MARKDOWN_MAX_BYTES + " bytes of UTF-8 text");
    }
    if (value
        .chars()
        .anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
      throw new InvalidInputException(field, "must not contain control characters");
    }
    return value.strip();
  }
}
