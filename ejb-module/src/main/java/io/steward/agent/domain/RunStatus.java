package io.steward.agent.domain;

/** Where a run stands; every status but {@code RUNNING} is final. */
public enum RunStatus {
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED
}
