package io.steward.approval.domain;

/** What a policy rule decides for an agent write: apply it, hold it for a person, or refuse it. */
public enum PolicyDecision {
  AUTO,
  APPROVE,
  DENY
}
