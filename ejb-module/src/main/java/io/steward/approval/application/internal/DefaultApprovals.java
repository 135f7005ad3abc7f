package io.steward.approval.application.internal;

import io.steward.approval.application.Approvals;
import io.steward.approval.domain.ApprovalRequest;
import io.steward.approval.domain.ApprovalRequest.ActionJson;
import io.steward.approval.domain.ApprovalRequest.RunOrigin;
import io.steward.approval.domain.ApprovalRequest_;
import io.steward.approval.domain.ApprovalState;
import io.steward.approval.domain.Deciders;
import io.steward.approval.domain.Oversight;
import io.steward.approval.domain.PolicyVerdict;
import io.steward.approval.domain.ProposedAction;
import io.steward.shared.application.Paging.PageRequest;
import io.steward.shared.domain.Checksums;
import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.application.WorkspaceAccess;
import io.steward.tenancy.domain.RecordFilter;
import io.steward.tenancy.domain.RecordOrder;
import io.steward.tenancy.domain.RecordPage;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRecords;
import io.steward.tenancy.domain.WorkspaceRole;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Approvals as one operation each, made of {@link ApprovalSteps} (each a transaction), so a
 * decision is committed before its call is applied and an apply that fails leaves the decision
 * standing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultApprovals implements Approvals {

  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject WorkspaceAccess access;
  @Inject WorkspaceRecords records;
  @Inject ApprovalSteps steps;
  @Inject ApprovalApplier applier;
  @Inject OversightFigures figures;
  @Inject ApprovalFaultHold faultHold;

  @Inject
  @ConfigProperty(name = "steward.approvals.expiry-hours", defaultValue = "72")
  int expiryHours;

  @Override
  public ApprovalRequest request(ProposedAction action, PolicyVerdict verdict, RunOrigin origin) {
    Integer minutes = verdict.rule() == null ? null : verdict.rule().expiresAfterMinutes();
    Instant expiresAt =
        Instant.now(Clock.systemUTC())
            .plus(minutes != null ? Duration.ofMinutes(minutes) : Duration.ofHours(expiryHours));
    ApprovalRequest request =
        new ApprovalRequest(
            action,
            verdict,
            Checksums.sha256(action.arguments().getBytes(StandardCharsets.UTF_8)),
            new ActionJson(json(action.before()), json(action.after())),
            origin,
            expiresAt);
    try {
      return steps.hold(request, action, verdict);
    } catch (StewardException e) {
      throw new IllegalStateException("could not hold an approval request", e);
    }
  }

  @Override
  public RecordPage<ApprovalRequest> approvals(
      WorkspaceId workspace, Filter filter, PageRequest page) throws StewardException {
    WorkspaceRole role = access.require(workspace, WorkspaceRole.MEMBER);
    RecordFilter where =
        RecordFilter.where()
            .in(ApprovalRequest_.STATE, orNull(filter.states()))
            .in(ApprovalRequest_.AGENT, orNull(filter.agents()))
            .in(ApprovalRequest_.TOOL, orNull(filter.tools()))
            .in(ApprovalRequest_.REQUESTED_BY, orNull(filter.requestedBy()))
            .in(ApprovalRequest_.REQUESTER_KIND, orNull(filter.requesterKinds()));
    if (filter.decidableByMe()) {
      where =
          where
              .equal(ApprovalRequest_.STATE, ApprovalState.PENDING)
              .in(
                  ApprovalRequest_.DECIDERS,
                  Arrays.stream(Deciders.values()).filter(d -> d.admit(role)).toList());
    }
    return records.page(
        ApprovalRequest.class,
        workspace,
        where,
        List.of(RecordOrder.descending("createdAt"), RecordOrder.ascending("id")),
        page.offset(),
        page.limit());
  }

  private static <T> List<T> orNull(List<T> values) {
    return values.isEmpty() ? null : values;
  }

  @Override
  public ApprovalRequest approval(WorkspaceId workspace, UUID id) throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    return steps.load(workspace, id);
  }

  @Override
  public ApprovalRequest decide(
      WorkspaceId workspace, UUID id, Decision decision, String comment, String arguments)
      throws StewardException {
    if (decision == null) {
      throw new InvalidInputException("decision", "is required");
    }
    if (comment != null && comment.length() > 2000) {
      throw new InvalidInputException("comment", "must be at most 2000 characters");
    }
    ApprovalRequest decided = steps.decide(workspace, id, decision, comment, arguments);
    if (decided.approvalState() != ApprovalState.APPROVED) {
      return decided;
    }
    faultHold.at(ApprovalFaultHold.Point.DECIDED, id);
    return applier.apply(workspace, id);
  }

  @Override
  public List<Outcome> decideAll(WorkspaceId workspace, List<Item> items) throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    if (items == null || items.isEmpty() || items.size() > MAX_BATCH) {
      throw new InvalidInputException("decisions", "must hold 1 to " + MAX_BATCH + " decisions");
    }
    Set<UUID> seen = new HashSet<>();
    for (Item item : items) {
      if (item.id() == null || !seen.add(item.id())) {
        throw new InvalidInputException("decisions", "must name each request once");
      }
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (Item item : items) {
      try {
        outcomes.add(
            new Outcome(
                item.id(),
                decide(workspace, item.id(), item.decision(), item.comment(), item.arguments()),
                null));
      } catch (StewardException e) {
        outcomes.add(new Outcome(item.id(), null, e));
      }
    }
    return outcomes;
  }

  @Override
  public List<ApprovalRequest> pendingOf(WorkspaceId workspace, String runId) {
    return records.list(
        ApprovalRequest.class,
        workspace,
        RecordFilter.where()
            .equal(ApprovalRequest_.RUN_ID, runId)
            .equal(ApprovalRequest_.STATE, ApprovalState.PENDING),
        List.of(RecordOrder.ascending("createdAt")));
  }

  @Override
  public List<ApprovalRequest> takeEnded(WorkspaceId workspace, String threadId) {
    return steps.takeEnded(workspace, threadId);
  }

  @Override
  public Oversight oversight(WorkspaceId workspace, Instant from, Instant to)
      throws StewardException {
    access.require(workspace, WorkspaceRole.ADMIN);
    return figures.of(workspace, from, to);
  }

  private static String json(Map<String, Object> state) {
    return state == null ? null : JSON.toJson(state);
  }
}
