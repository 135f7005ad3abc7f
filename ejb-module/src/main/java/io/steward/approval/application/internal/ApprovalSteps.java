package io.steward.approval.application.internal;

import io.steward.approval.application.ActionCatalog;
import io.steward.approval.application.ActionPolicies;
import io.steward.approval.application.Approvals.Decision;
import io.steward.approval.domain.AgentAction;
import io.steward.approval.domain.AgentActions;
import io.steward.approval.domain.ApprovalRequest;
import io.steward.approval.domain.ApprovalRequest_;
import io.steward.approval.domain.ApprovalRequests;
import io.steward.approval.domain.ApprovalState;
import io.steward.approval.domain.PolicyDecision;
import io.steward.approval.domain.PolicyVerdict;
import io.steward.approval.domain.ProposedAction;
import io.steward.approval.domain.Requester;
import io.steward.shared.domain.AccessDeniedException;
import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.StaleVersionException;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.application.Caller;
import io.steward.tenancy.application.CurrentCaller;
import io.steward.tenancy.application.RecordChanges;
import io.steward.tenancy.application.WorkspaceAccess;
import io.steward.tenancy.domain.RecordFilter;
import io.steward.tenancy.domain.RecordOrder;
import io.steward.tenancy.domain.UnknownRecordException;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRecords;
import io.steward.tenancy.domain.WorkspaceRole;
import io.steward.workspace.domain.Member;
import io.steward.workspace.domain.MembershipDirectory;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Each step of an approval's life in a transaction of its own, so that a crash between two steps
 * leaves a state the sweep can carry on from: hold, decide, claim, apply (the domain write, its
 * audit entry and event, and {@code APPLIED}, all or nothing), fail, expire.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ApprovalSteps {

  @Inject WorkspaceAccess access;
  @Inject CurrentCaller currentCaller;
  @Inject WorkspaceRecords records;
  @Inject ApprovalRequests requests;
  @Inject RecordChanges changes;
  @Inject AgentActions actions;
  @Inject ActionCatalog catalog;
  @Inject ActionPolicies policies;
  @Inject MembershipDirectory directory;
  @Inject ApprovalFaultHold faultHold;

  public ApprovalRequest hold(ApprovalRequest request, ProposedAction action, PolicyVerdict verdict)
      throws StewardException {
    changes.add(request, "approvalWasRequested");
    actions.add(new AgentAction(action, verdict, request.runId(), request.id(), now()));
    return request;
  }

  public ApprovalRequest load(WorkspaceId workspace, UUID id) throws UnknownRecordException {
    return changes.find(ApprovalRequest.class, workspace, id, "id");
  }

  /**
   * The caller decides a pending request. Two deciders racing both pass the state check; the
   * version makes the second flush fail as a conflict.
   */
  public ApprovalRequest decide(
      WorkspaceId workspace, UUID id, Decision decision, String comment, String arguments)
      throws StewardException {
    WorkspaceRole role = access.require(workspace, WorkspaceRole.MEMBER);
    ApprovalRequest request = load(workspace, id);
    String by = currentCaller.get().userId();
    // The person an agent asked for may always withdraw the request; deciding needs the rule's
    // role.
    boolean withdraws = decision == Decision.CANCEL && request.requestedBy().equals(by);
    if (!withdraws && !request.deciders().admit(role)) {
      throw new AccessDeniedException("Only admins and owners may decide this request");
    }
    if (arguments != null && decision != Decision.APPROVE) {
      throw new InvalidInputException("arguments", "may only be given to approve with edits");
    }
    String edited = arguments == null ? null : checkedEdit(request, arguments);
    Instant at = now();
    return changes.change(
        request,
        null,
        "approvalWasDecided",
        r -> {
          switch (decision) {
            case APPROVE -> r.approve(by, comment, edited, at);
            case REJECT -> r.reject(by, comment, at);
            case CANCEL -> r.cancel(by, comment, at);
          }
        });
  }

  /**
   * Edited arguments pass the same checks as the agent's call, must change the same record, and
   * must not be something the policy refuses; answers them as they will be applied.
   */
  private String checkedEdit(ApprovalRequest request, String arguments) throws StewardException {
    ProposedAction edited =
        catalog.propose(
            request.workspaceId(),
            request.agent(),
            request.tool(),
            arguments,
            new Requester(request.requesterKind(), request.requestedBy(), request.requesterRef()));
    if (!Objects.equals(edited.recordId(), request.recordId())) {
      throw new InvalidInputException("arguments", "must change the same record as the request");
    }
    if (policies.verdict(edited).decision() == PolicyDecision.DENY) {
      throw new InvalidInputException("arguments", "the action policy refuses the edited call");
    }
    return edited.arguments();
  }

  /**
   * This server takes on applying an approved request; a concurrent claim fails as a conflict, and
   * so does one that meets an applier inside its apply transaction, which holds the row: PostgreSQL
   * waits for it and then finds a newer version, H2 gives up waiting for the lock.
   */
  public ApprovalRequest claim(WorkspaceId workspace, UUID id, String node)
      throws StewardException {
    ApprovalRequest request = load(workspace, id);
    request.claim(node);
    request.changedBy(currentCaller.get().userId(), now());
    try {
      records.flush(request);
    } catch (PessimisticLockException | LockTimeoutException beingApplied) {
      throw new StaleVersionException("approval");
    }
    return request;
  }

  /**
   * Applies a claimed request exactly once: the row stays locked until the transaction ends, so a
   * second applier waits and then finds it applied. The decider's and the requester's rights are
   * checked again, and the call runs with the requester's.
   */
  public ApprovalRequest apply(WorkspaceId workspace, UUID id) throws StewardException {
    ApprovalRequest request =
        requests
            .lock(workspace, id)
            .orElseThrow(() -> new UnknownRecordException("approval", id, "id"));
    if (request.approvalState() != ApprovalState.APPLYING) {
      return request;
    }
    Member requester =
        directory
            .member(workspace, request.requestedBy())
            .filter(member -> member.role().includes(WorkspaceRole.MEMBER))
            .orElseThrow(
                () ->
                    new AccessDeniedException(
                        "The person the agent acted for may no longer make this change"));
    if (request.decidedBy() != null
        && !directory
            .roleOf(workspace, request.decidedBy())
            .map(request.deciders()::admit)
            .orElse(false)) {
      throw new AccessDeniedException("The person who approved may no longer decide it");
    }
    String result = asRequester(workspace, request, requester);
    ApprovalRequest applied =
        changes.change(request, null, "approvalWasApplied", r -> r.applied(result, now()));
    faultHold.at(ApprovalFaultHold.Point.APPLYING, id);
    return applied;
  }

  private String asRequester(WorkspaceId workspace, ApprovalRequest request, Member requester)
      throws StewardException {
    Caller caller = currentCaller.get();
    String agent = currentCaller.agent();
    currentCaller.set(
        new Caller(
            requester.user().id(),
            requester.user().username(),
            requester.user().email(),
            requester.user().displayName(),
            false,
            Map.of(workspace, requester.role())));
    currentCaller.actAs(request.agent());
    try {
      return catalog.apply(
          workspace,
          request.agent(),
          request.tool(),
          request.argumentsToApply(),
          request.recordVersion());
    } finally {
      currentCaller.set(caller);
      currentCaller.actAs(agent);
    }
  }

  /** The approved call could not be applied; says why. */
  public ApprovalRequest fail(WorkspaceId workspace, UUID id, String reason)
      throws StewardException {
    ApprovalRequest request = load(workspace, id);
    ApprovalState state = request.approvalState();
    if (state != ApprovalState.APPROVED && state != ApprovalState.APPLYING) {
      return request;
    }
    return changes.change(request, null, "approvalWasFailed", r -> r.fail(reason, now()));
  }

  /** The thread's ended requests no run has told the agent about yet, now marked as told. */
  public List<ApprovalRequest> takeEnded(WorkspaceId workspace, String threadId) {
    List<ApprovalRequest> ended =
        records.list(
            ApprovalRequest.class,
            workspace,
            RecordFilter.where()
                .equal(ApprovalRequest_.THREAD_ID, threadId)
                .equal(ApprovalRequest_.REPORTED, false)
                .in(ApprovalRequest_.STATE, ApprovalState.FINAL),
            List.of(RecordOrder.ascending("createdAt")));
    ended.forEach(ApprovalRequest::reported);
    return ended;
  }

  public ApprovalRequest expire(WorkspaceId workspace, UUID id) throws StewardException {
    return changes.change(load(workspace, id), null, "approvalWasExpired", r -> r.expire(now()));
  }

  private static Instant now() {
    return Instant.now(Clock.systemUTC());
  }
}
