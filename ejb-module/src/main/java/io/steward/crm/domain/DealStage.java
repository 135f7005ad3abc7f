package io.steward.crm.domain;

/** The pipeline; a deal that is won or lost is closed. */
public enum DealStage {
  LEAD,
  QUALIFIED,
  PROPOSAL,
  NEGOTIATION,
  WON,
  LOST;

  public boolean closed() {
    return this == WON || this == LOST;
  }

  public static java.util.List<DealStage> open() {
    return java.util.Arrays.stream(values()).filter(s -> !s.closed()).toList();
  }
}
