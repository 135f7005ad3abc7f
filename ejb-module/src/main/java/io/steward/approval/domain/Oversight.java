package io.steward.approval.domain;

import java.time.Duration;
import java.util.List;

/**
 * How much of a period's agent work people had to look at: agent writes applied at once, approved
 * (as proposed or with edits), rejected, expired, cancelled and denied; how long requests waited
 * for a decision; and who decided how many.
 */
public record Oversight(
    long autoApplied,
    long approved,
    long approvedWithEdits,
    long rejected,
    long expired,
    long cancelled,
    long denied,
    long pending,
    Duration medianTimeToDecision,
    Duration p90TimeToDecision,
    List<PersonDecisions> decisionsByPerson) {

  public Oversight {
    decisionsByPerson = List.copyOf(decisionsByPerson);
  }

  /** Every agent write the policy decided in the period. */
  public long total() {
    return autoApplied
        + approved
        + approvedWithEdits
        + rejected
        + expired
        + cancelled
        + denied
        + pending;
  }

  /** A count's part of the total, 0 when there was nothing. */
  public double share(long count) {
    long total = total();
    return total == 0 ? 0 : (double) count / total;
  }

  public record PersonDecisions(String userId, long decisions) {}
}
