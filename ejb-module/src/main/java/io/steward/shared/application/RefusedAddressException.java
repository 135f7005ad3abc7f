package io.steward.shared.application;

/**
 * The outbound address policy refused an address; the message says why, in words for the person who
 * gave the address.
 */
public class RefusedAddressException extends Exception {

  /** Why: most reasons are final, but an unknown host may resolve later. */
  public enum Reason {
    NOT_WEB,
    MALFORMED,
    DENIED,
    INTERNAL,
    UNKNOWN_HOST
  }

  private final Reason reason;

  public RefusedAddressException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
