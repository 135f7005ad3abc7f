package io.steward.crm.domain;

public enum InteractionKind {
  CALL,
  EMAIL,
  MEETING,
  NOTE
}
