package io.steward.shared.domain;

/** A workspace limit (file size, number of documents …) would be exceeded. */
public class QuotaExceededException extends StewardException {

  public QuotaExceededException(String field, String message) {
    super(message, field);
  }

  @Override
  public FailureKind kind() {
    return FailureKind.QUOTA_EXCEEDED;
  }
}
