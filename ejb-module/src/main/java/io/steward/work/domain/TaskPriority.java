package io.steward.work.domain;

public enum TaskPriority {
  HIGH,
  MEDIUM,
  LOW
}
