package io.steward.shared.domain;

/** A change was based on a version of a record that someone else has changed since. */
public class StaleVersionException extends StewardException {

  public StaleVersionException(String recordType, int expected, int current) {
    super(
        "The "
            + recordType
            + " was changed by someone else (version "
            + current
            + ", not "
            + expected
            + "); reload it and try again",
        "version");
  }

  /** A concurrent change won the race between reading and writing. */
  public StaleVersionException(String recordType) {
    super(
        "The " + recordType + " was changed by someone else meanwhile; reload it and try again",
        "version");
  }

  @Override
  public FailureKind kind() {
    return FailureKind.CONFLICT;
  }
}
