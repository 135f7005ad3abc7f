package io.steward.approval.application.internal;

import io.steward.approval.domain.ApprovalRequest;
import io.steward.approval.domain.ApprovalRequests;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.application.Caller;
import io.steward.tenancy.application.CurrentCaller;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every few seconds, on every server: expires pending requests whose time has come, and applies
 * approved ones whose applier stopped (a crash, a restart) — so a server that comes back carries on
 * within one sweep. Servers may sweep the same request at once: each step is compare-and-set, so
 * one of them does it and the others skip it.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ApprovalSweep {

  static final String SWEEPER = "steward-approvals";
  private static final int BATCH = 100;

  /** How long an approved request may wait for its applier before the sweep takes it on. */
  private static final Duration STALLED = Duration.ofSeconds(30);

  private static final Logger LOG = Logger.getLogger(ApprovalSweep.class.getName());

  @Inject CurrentCaller currentCaller;
  @Inject ApprovalRequests requests;
  @Inject ApprovalSteps steps;
  @Inject ApprovalApplier applier;

  @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
  void sweep() {
    currentCaller.set(Caller.system(SWEEPER));
    Instant now = Instant.now(Clock.systemUTC());
    each(requests.due(now, BATCH), "expire", r -> steps.expire(r.workspaceId(), r.id()));
    each(
        requests.unfinished(now.minus(STALLED), BATCH),
        "apply",
        r -> applier.apply(r.workspaceId(), r.id()));
  }

  private interface Step {
    void on(ApprovalRequest request) throws StewardException;
  }

  /** One request's trouble never stops the sweep of the others. */
  private static void each(List<ApprovalRequest> found, String what, Step step) {
    for (ApprovalRequest request : found) {
      try {
        step.on(request);
      } catch (StewardException decidedMeanwhile) {
        LOG.fine("Approval " + request.id() + " changed before the sweep could " + what + " it");
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not " + what + " approval " + request.id(), e);
      }
    }
  }
}
