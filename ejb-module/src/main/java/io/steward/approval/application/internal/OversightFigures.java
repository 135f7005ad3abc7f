package io.steward.approval.application.internal;

import io.steward.approval.domain.AgentActions;
import io.steward.approval.domain.ApprovalRequest;
import io.steward.approval.domain.ApprovalRequests;
import io.steward.approval.domain.Oversight;
import io.steward.approval.domain.Oversight.PersonDecisions;
import io.steward.approval.domain.PolicyDecision;
import io.steward.shared.domain.InvalidInputException;
import io.steward.tenancy.domain.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts a period's agent writes by how they ended and measures the time people took. */
@ApplicationScoped
public class OversightFigures {

  /** The longest period asked at once. */
  static final Duration MAX_PERIOD = Duration.ofDays(366);

  /** Requests looked at for one period; beyond it the figures cover the first ones. */
  static final int MAX_REQUESTS = 100_000;

  @Inject AgentActions actions;
  @Inject ApprovalRequests requests;

  Oversight of(WorkspaceId workspace, Instant from, Instant to) throws InvalidInputException {
    if (from == null || to == null || !from.isBefore(to)) {
      throw new InvalidInputException("to", "must come after from");
    }
    if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
      throw new InvalidInputException("to", "a period is at most 366 days");
    }
    Map<PolicyDecision, Long> decided = actions.countByDecision(workspace, from, to);
    long approved = 0;
    long edited = 0;
    long rejected = 0;
    long expired = 0;
    long cancelled = 0;
    long pending = 0;
    List<Duration> waits = new ArrayList<>();
    Map<String, Long> byPerson = new TreeMap<>();
    for (ApprovalRequest request : requests.madeBetween(workspace, from, to, MAX_REQUESTS)) {
      switch (request.approvalState()) {
        case PENDING -> pending++;
        case APPROVED, APPLYING, APPLIED, FAILED -> {
          if (request.edited()) {
            edited++;
          } else {
            approved++;
          }
        }
        case REJECTED -> rejected++;
        case EXPIRED -> expired++;
        case CANCELLED -> cancelled++;
      }
      if (request.decidedAt() != null) {
        waits.add(Duration.between(request.createdAt(), request.decidedAt()));
        byPerson.merge(request.decidedBy(), 1L, Long::sum);
      }
    }
    waits.sort(Comparator.naturalOrder());
    return new Oversight(
        decided.get(PolicyDecision.AUTO),
        approved,
        edited,
        rejected,
        expired,
        cancelled,
        decided.get(PolicyDecision.DENY),
        pending,
        percentile(waits, 50),
        percentile(waits, 90),
        byPerson.entrySet().stream()
            .map(entry -> new PersonDecisions(entry.getKey(), entry.getValue()))
            .toList());
  }

  /** The nearest-rank percentile; null when nothing was decided. */
  static Duration percentile(List<Duration> sorted, int percent) {
    if (sorted.isEmpty()) {
      return null;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1);
  }
}
