package io.steward.approval.domain;

import java.util.Set;

/**
 * Where an approval request stands: {@code PENDING → APPROVED → APPLYING → APPLIED | FAILED}, or
 * {@code PENDING → REJECTED | EXPIRED | CANCELLED}.
 */
public enum ApprovalState {
  PENDING,
  APPROVED,
  APPLYING,
  APPLIED,
  FAILED,
  REJECTED,
  EXPIRED,
  CANCELLED;

  /** States a request never leaves. */
  public static final Set<ApprovalState> FINAL =
      Set.of(APPLIED, FAILED, REJECTED, EXPIRED, CANCELLED);

  public boolean isFinal() {
    return FINAL.contains(this);
  }
}
