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
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every few seconds, on every server: expires pending requests whose time has come, and applies
 * approved ones whose applier stopped (a crash, a restart) — so a server that comes back carries on
 * within one sweep. Servers may sweep the same request at once: each step is compare-and-set and
 * the apply locks the request, so one of them applies it and the others skip it.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ApprovalSweep {

  static final String SWEEPER = "steward-approvals";
  private static final int BATCH = 100;

  /** How long an approved request may wait for its applier before the sweep takes it on. */
  private static final Duration STALLED = Duration.ofSeconds(30);

  /**
   * When this server's process started. A request left unfinished before then has lost its applier
   * if this server had it, so the first sweep takes it on at once rather than 30 s after its last
   * change; were it another server's, claim and lock still let only one apply it.
   */
  private static final Instant PROCESS_STARTED =
      Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());

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
    Instant stalled = now.minus(STALLED);
    each(
        requests.unfinished(PROCESS_STARTED.isAfter(stalled) ? PROCESS_STARTED : stalled, BATCH),
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
