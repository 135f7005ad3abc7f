package io.steward.shared.interfaces.graphql;

import io.steward.shared.domain.InvalidInputException;
import java.util.UUID;

/** Record ids from client input. */
public final class Ids {

  private Ids() {}

  /** The id, or null when absent; anything but a UUID is a validation failure on the field. */
  public static UUID parse(String field, String text) throws InvalidInputException {
    if (text == null) {
      return null;
    }
    try {
      return UUID.fromString(text.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, "must be an id (UUID)");
    }
  }

  /** Like {@link #parse}, but the id must be given. */
  public static UUID require(String field, String text) throws InvalidInputException {
    UUID id = parse(field, text);
    if (id == null) {
      throw new InvalidInputException(field, "must be given");
    }
    return id;
  }
}
