package io.steward.approval.domain;

/** What a tool call does to its record. */
public enum ActionOperation {
  READ,
  CREATE,
  UPDATE,
  DELETE
}
