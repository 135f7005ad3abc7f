package io.steward.shared.domain;

import jakarta.ejb.ApplicationException;

/**
 * An expected, named failure whose message is written for the client. Thrown from a transaction it
 * rolls the transaction back, so a failed operation never leaves a partial write.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class StewardException extends Exception {

  private final String field;

  protected StewardException(String message) {
    this(message, null);
  }

  /** A failure about one input field, which clients get named. */
  protected StewardException(String message, String field) {
    super(message);
    this.field = field;
  }

  public abstract FailureKind kind();

  /** The input field the failure is about, or null when it is not about one field. */
  public String field() {
    return field;
  }
}
