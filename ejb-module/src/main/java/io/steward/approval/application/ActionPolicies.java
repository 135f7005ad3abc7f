package io.steward.approval.application;

import io.steward.approval.domain.ActionPolicyRule;
import io.steward.approval.domain.PolicyVerdict;
import io.steward.approval.domain.ProposedAction;
import io.steward.approval.domain.RequesterKind;
import io.steward.approval.domain.RuleSpec;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.WorkspaceId;
import java.util.List;
import java.util.UUID;

/** A workspace's action policy: its rules (admins and owners manage them) and its verdicts. */
public interface ActionPolicies {

  int MAX_RULES = 200;

  /** The workspace's rules by priority, then the built-in defaults. */
  List<ActionPolicyRule> rules(WorkspaceId workspace) throws StewardException;

  /**
   * Adds a rule ({@code id} null) or replaces one the caller read at {@code version} (null: any).
   */
  ActionPolicyRule set(WorkspaceId workspace, UUID id, Integer version, RuleSpec spec)
      throws StewardException;

  void remove(WorkspaceId workspace, UUID id) throws StewardException;

  /**
   * What the policy would decide for a call an agent proposes, as if {@code requester} asked for
   * it; the call's own reason and confidence come from its arguments, as a model gives them.
   */
  Simulation simulate(
      WorkspaceId workspace, String agent, String tool, String arguments, RequesterKind requester)
      throws StewardException;

  /** What the policy decides for an action, without recording it. */
  PolicyVerdict verdict(ProposedAction action);

  /**
   * The verdict on an action of a run, recorded for the oversight figures. No role is checked: the
   * run's caller may use the agent, and the verdict is what decides whether the call runs.
   */
  PolicyVerdict judge(ProposedAction action, String runId);

  /** A call the policy judged and how. */
  record Simulation(ProposedAction action, PolicyVerdict verdict) {}
}
