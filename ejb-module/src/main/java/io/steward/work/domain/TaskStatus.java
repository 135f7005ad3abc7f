package io.steward.work.domain;

public enum TaskStatus {
  TODO,
  IN_PROGRESS,
  DONE
}
