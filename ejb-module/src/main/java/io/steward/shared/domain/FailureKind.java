package io.steward.shared.domain;

/** What kind of expected failure happened; the interfaces map each kind to a stable error code. */
public enum FailureKind {
  NOT_FOUND,
  FORBIDDEN,
  VALIDATION,
  CONFLICT,
  QUOTA_EXCEEDED,
  RATE_LIMITED
}
