package io.steward.approval.domain;

import io.steward.shared.domain.RuleViolationException;
import io.steward.tenancy.domain.WorkspaceRecord;
import io.steward.tenancy.domain.WorkspaceRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An agent write held for a person (see {@link ApprovalState} for its life). It keeps the exact
 * call and a hash of it, the model's reason and confidence, the change as before/after, who asked,
 * the run and tool call it came from, the rule that held it, and how it was decided and applied.
 * Every transition checks the state it starts from; the version makes concurrent ones conflict.
 */
@Entity
@Table(name = "approval_request")
public class ApprovalRequest extends WorkspaceRecord {

  @Column(nullable = false, updatable = false)
  private String agent;

  @Column(nullable = false, updatable = false)
  private String tool;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private ActionOperation operation;

  @Column(nullable = false, updatable = false)
  private String arguments;

  @Column(name = "arguments_hash", nullable = false, updatable = false)
  private String argumentsHash;

  @Column(updatable = false)
  private String rationale;

  @Column(updatable = false)
  private Double confidence;

  @Column(name = "record_type", updatable = false)
  private String recordType;

  @Column(name = "record_id", updatable = false)
  private UUID recordId;

  @Column(name = "record_version", updatable = false)
  private Integer recordVersion;

  @Column(name = "record_label", updatable = false)
  private String recordLabel;

  @Column(name = "before_state", updatable = false)
  private String beforeState;

  @Column(name = "after_state", updatable = false)
  private String afterState;

  @Column(name = "changed_fields", updatable = false)
  private String changedFields;

  @Enumerated(EnumType.STRING)
  @Column(name = "requester_kind", nullable = false, updatable = false)
  private RequesterKind requesterKind;

  @Column(name = "requested_by", nullable = false, updatable = false)
  private String requestedBy;

  @Column(name = "requester_ref", updatable = false)
  private String requesterRef;

  @Column(name = "run_id", updatable = false)
  private String runId;

  @Column(name = "thread_id", updatable = false)
  private String threadId;

  @Column(name = "tool_call_id", updatable = false)
  private String toolCallId;

  @Column(name = "rule_id", nullable = false, updatable = false)
  private String ruleId;

  @Column(name = "rule_name", nullable = false, updatable = false)
  private String ruleName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private Deciders deciders;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ApprovalState state;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "decided_by")
  private String decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "decision_comment")
  private String comment;

  @Column(name = "edited_arguments")
  private String editedArguments;

  private String result;

  @Column(name = "failure_reason")
  private String failureReason;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column(name = "claimed_by")
  private String claimedBy;

  /** Whether a run of the request's thread has told the agent how it ended. */
  @Column(nullable = false)
  private boolean reported;

  /** A record's label is kept this long at most (a comment's label is all its text). */
  static final int LABEL_MAX_LENGTH = 500;

  protected ApprovalRequest() {}

  /**
   * Holds {@code action} as {@code verdict} asked, until {@code expiresAt}. The JSON texts (before,
   * after, changed fields) are made by the caller, which knows how records are written as JSON.
   */
  public ApprovalRequest(
      ProposedAction action,
      PolicyVerdict verdict,
      String argumentsHash,
      ActionJson json,
      RunOrigin origin,
      Instant expiresAt) {
    super(action.workspace());
    this.agent = action.agent();
    this.tool = action.tool();
    this.operation = action.operation();
    this.arguments = action.arguments();
    this.argumentsHash = argumentsHash;
    this.rationale = action.rationale();
    this.confidence = action.confidence();
    this.recordType = action.recordType();
    this.recordId = action.recordId();
    this.recordVersion = action.recordVersion();
    this.recordLabel =
        action.recordLabel() == null || action.recordLabel().length() <= LABEL_MAX_LENGTH
            ? action.recordLabel()
            : action.recordLabel().substring(0, LABEL_MAX_LENGTH - 1) + "…";
    this.beforeState = json.before();
    this.afterState = json.after();
    this.changedFields = String.join(",", action.changedFields());
    this.requesterKind = action.requester().kind();
    this.requestedBy = action.requester().onBehalfOf();
    this.requesterRef = action.requester().ref();
    this.runId = origin.runId();
    this.threadId = origin.threadId();
    this.toolCallId = origin.toolCallId();
    this.ruleId = verdict.ruleId();
    this.ruleName = verdict.ruleName();
    this.deciders = verdict.deciders();
    this.state = ApprovalState.PENDING;
    this.expiresAt = expiresAt;
  }

  /** The before and after states of the record, as JSON text (null when there is none). */
  public record ActionJson(String before, String after) {}

  /** The run and tool call a request came from; all null when it came from outside a run. */
  public record RunOrigin(String runId, String threadId, String toolCallId) {}

  /**
   * Approves the call, with {@code editedArguments} (null: as proposed) replacing its arguments.
   */
  public void approve(String by, String comment, String editedArguments, Instant at)
      throws RuleViolationException {
    decide(ApprovalState.APPROVED, by, comment, at);
    this.editedArguments = editedArguments;
  }

  public void reject(String by, String comment, Instant at) throws RuleViolationException {
    decide(ApprovalState.REJECTED, by, comment, at);
    this.finishedAt = at;
  }

  /** Withdraws the request: the person answering the interrupt dismissed it. */
  public void cancel(String by, String comment, Instant at) throws RuleViolationException {
    decide(ApprovalState.CANCELLED, by, comment, at);
    this.finishedAt = at;
  }

  private void decide(ApprovalState decision, String by, String comment, Instant at)
      throws RuleViolationException {
    require(ApprovalState.PENDING);
    if (isDue(at)) {
      throw new RuleViolationException("Approval " + id() + " expired at " + expiresAt);
    }
    this.state = decision;
    this.decidedBy = by;
    this.decidedAt = at;
    this.comment = comment;
  }

  /** This server starts applying the approved call (again, after a crash interrupted it). */
  public void claim(String node) throws RuleViolationException {
    if (state != ApprovalState.APPROVED && state != ApprovalState.APPLYING) {
      throw new RuleViolationException("Approval " + id() + " is " + state + ", not approved");
    }
    this.state = ApprovalState.APPLYING;
    this.claimedBy = node;
  }

  public void applied(String result, Instant at) throws RuleViolationException {
    require(ApprovalState.APPLYING);
    this.state = ApprovalState.APPLIED;
    this.result = result;
    this.finishedAt = at;
  }

  /** The approved call could not be applied; nothing of it was. */
  public void fail(String reason, Instant at) throws RuleViolationException {
    if (state != ApprovalState.APPROVED && state != ApprovalState.APPLYING) {
      throw new RuleViolationException("Approval " + id() + " is " + state + ", not approved");
    }
    this.state = ApprovalState.FAILED;
    this.failureReason = reason;
    this.finishedAt = at;
  }

  public void expire(Instant at) throws RuleViolationException {
    require(ApprovalState.PENDING);
    this.state = ApprovalState.EXPIRED;
    this.finishedAt = at;
  }

  /** A run of the thread has told the agent how the request ended. */
  public void reported() {
    this.reported = true;
  }

  public boolean isDue(Instant at) {
    return !at.isBefore(expiresAt);
  }

  private void require(ApprovalState expected) throws RuleViolationException {
    if (state != expected) {
      throw new RuleViolationException("Approval " + id() + " is " + state + ", not " + expected);
    }
  }

  /** The arguments the call is applied with: the decider's edits, or as proposed. */
  public String argumentsToApply() {
    return editedArguments != null ? editedArguments : arguments;
  }

  public boolean edited() {
    return editedArguments != null;
  }

  @Override
  public WorkspaceRole readers() {
    return WorkspaceRole.MEMBER;
  }

  @Override
  public String label() {
    return recordLabel == null ? tool : tool + " " + recordLabel;
  }

  @Override
  public Map<String, Object> state() {
    return state(
        "state", state,
        "agent", agent,
        "tool", tool,
        "operation", operation,
        "recordType", recordType,
        "recordId", recordId,
        "requestedBy", requestedBy,
        "requesterKind", requesterKind,
        "runId", runId,
        "threadId", threadId,
        "toolCallId", toolCallId,
        "deciders", deciders,
        "expiresAt", expiresAt,
        "decidedBy", decidedBy,
        "edited", edited(),
        "failureReason", failureReason);
  }

  public String agent() {
    return agent;
  }

  public String tool() {
    return tool;
  }

  public ActionOperation operation() {
    return operation;
  }

  public String arguments() {
    return arguments;
  }

  public String argumentsHash() {
    return argumentsHash;
  }

  public String rationale() {
    return rationale;
  }

  public Double confidence() {
    return confidence;
  }

  public String recordType() {
    return recordType;
  }

  public UUID recordId() {
    return recordId;
  }

  public Integer recordVersion() {
    return recordVersion;
  }

  public String recordLabel() {
    return recordLabel;
  }

  public String beforeState() {
    return beforeState;
  }

  public String afterState() {
    return afterState;
  }

  public java.util.List<String> changedFields() {
    return changedFields == null || changedFields.isEmpty()
        ? java.util.List.of()
        : java.util.List.of(changedFields.split(","));
  }

  public RequesterKind requesterKind() {
    return requesterKind;
  }

  public String requestedBy() {
    return requestedBy;
  }

  public String requesterRef() {
    return requesterRef;
  }

  public String runId() {
    return runId;
  }

  public String threadId() {
    return threadId;
  }

  public String toolCallId() {
    return toolCallId;
  }

  public String ruleId() {
    return ruleId;
  }

  public String ruleName() {
    return ruleName;
  }

  public Deciders deciders() {
    return deciders;
  }

  public ApprovalState approvalState() {
    return state;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public String decidedBy() {
    return decidedBy;
  }

  public Instant decidedAt() {
    return decidedAt;
  }

  public String comment() {
    return comment;
  }

  public String editedArguments() {
    return editedArguments;
  }

  public String result() {
    return result;
  }

  public String failureReason() {
    return failureReason;
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  public String claimedBy() {
    return claimedBy;
  }

  public boolean isReported() {
    return reported;
  }
}
