package io.steward.approval.domain;

import io.steward.tenancy.domain.WorkspaceId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One agent write the policy decided: applied at once, held for a person (then its approval request
 * tells the rest) or refused. The oversight figures count them.
 */
@Entity
@Table(name = "agent_action")
public class AgentAction {

  @Id private UUID id;

  @Column(name = "workspace_id", nullable = false, updatable = false)
  private UUID workspaceId;

  @Column(nullable = false, updatable = false)
  private String agent;

  @Column(nullable = false, updatable = false)
  private String tool;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private PolicyDecision decision;

  @Column(name = "rule_id", nullable = false, updatable = false)
  private String ruleId;

  @Column(name = "run_id", updatable = false)
  private String runId;

  @Column(name = "approval_id", updatable = false)
  private UUID approvalId;

  @Column(name = "decided_at", nullable = false, updatable = false)
  private Instant decidedAt;

  protected AgentAction() {}

  public AgentAction(
      ProposedAction action, PolicyVerdict verdict, String runId, UUID approvalId, Instant at) {
    this.id = UUID.randomUUID();
    this.workspaceId = action.workspace().value();
    this.agent = action.agent();
    this.tool = action.tool();
    this.decision = verdict.decision();
    this.ruleId = verdict.ruleId();
    this.runId = runId;
    this.approvalId = approvalId;
    this.decidedAt = at;
  }

  public WorkspaceId workspaceId() {
    return new WorkspaceId(workspaceId);
  }

  public PolicyDecision decision() {
    return decision;
  }
}
