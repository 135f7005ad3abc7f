package io.steward.tenancy.domain;

import io.steward.shared.domain.InvalidInputException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identity of a workspace (the tenant). */
public record WorkspaceId(UUID value) {

  public WorkspaceId {
    Objects.requireNonNull(value, "value");
  }

  public static WorkspaceId generate() {
    return new WorkspaceId(UUID.randomUUID());
  }

  /** Parses client input; anything but a UUID is a validation failure on the named field. */
  public static WorkspaceId parse(String field, String text) throws InvalidInputException {
    try {
      return new WorkspaceId(UUID.fromString(text == null ? "" : text.strip()));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, "must be a workspace id (UUID)");
    }
  }

  /** A workspace id read from text that may not be one, for callers that ignore what is not. */
  public static Optional<WorkspaceId> ifValid(String text) {
    try {
      return Optional.of(parse("workspaceId", text));
    } catch (InvalidInputException notAnId) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
