package io.steward.agent.domain;

/**
 * Where a run stands; every status but {@code RUNNING} is final. An {@code INTERRUPTED} run ended
 * with writes waiting for people; a later run of its thread carries on once they are decided.
 */
public enum RunStatus {
  RUNNING,
  SUCCEEDED,
  INTERRUPTED,
  FAILED,
  CANCELLED
}
