package io.steward.approval.application.internal;

import io.steward.approval.application.ActionCatalog;
import io.steward.approval.application.ActionPolicies;
import io.steward.approval.domain.ActionPolicyRule;
import io.steward.approval.domain.ActionPolicyRule_;
import io.steward.approval.domain.AgentAction;
import io.steward.approval.domain.AgentActions;
import io.steward.approval.domain.BuiltInRules;
import io.steward.approval.domain.PolicyDecision;
import io.steward.approval.domain.PolicyVerdict;
import io.steward.approval.domain.ProposedAction;
import io.steward.approval.domain.Requester;
import io.steward.approval.domain.RequesterKind;
import io.steward.approval.domain.RuleSpec;
import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.QuotaExceededException;
import io.steward.shared.domain.RuleViolationException;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.application.CurrentCaller;
import io.steward.tenancy.application.RecordChanges;
import io.steward.tenancy.application.WorkspaceAccess;
import io.steward.tenancy.domain.RecordFilter;
import io.steward.tenancy.domain.RecordOrder;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRecords;
import io.steward.tenancy.domain.WorkspaceRole;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Stateless
public class DefaultActionPolicies implements ActionPolicies {

  @Inject WorkspaceAccess access;
  @Inject CurrentCaller currentCaller;
  @Inject WorkspaceRecords records;
  @Inject RecordChanges changes;
  @Inject AgentActions actions;
  @Inject ActionCatalog catalog;

  @Override
  public List<ActionPolicyRule> rules(WorkspaceId workspace) throws StewardException {
    access.require(workspace, WorkspaceRole.ADMIN);
    return rulesOf(workspace);
  }

  private List<ActionPolicyRule> rulesOf(WorkspaceId workspace) {
    List<ActionPolicyRule> rules =
        new ArrayList<>(
            records.list(
                ActionPolicyRule.class,
                workspace,
                RecordFilter.where(),
                List.of(
                    RecordOrder.ascending(ActionPolicyRule_.PRIORITY),
                    RecordOrder.ascending("createdAt"))));
    rules.addAll(BuiltInRules.of(workspace));
    return rules;
  }

  @Override
  public ActionPolicyRule set(WorkspaceId workspace, UUID id, Integer version, RuleSpec spec)
      throws StewardException {
    access.require(workspace, WorkspaceRole.ADMIN);
    spec.validate();
    if (id == null) {
      if (records.total(ActionPolicyRule.class, workspace, RecordFilter.where()) >= MAX_RULES) {
        throw new QuotaExceededException(
            "policy", "A workspace has at most " + MAX_RULES + " action policy rules");
      }
      return changes.add(new ActionPolicyRule(workspace, spec), "actionPolicyWasAdded");
    }
    requireOwn(workspace, id);
    return changes.change(
        changes.find(ActionPolicyRule.class, workspace, id, "id"),
        version,
        "actionPolicyWasChanged",
        rule -> rule.revise(spec));
  }

  @Override
  public void remove(WorkspaceId workspace, UUID id) throws StewardException {
    access.require(workspace, WorkspaceRole.ADMIN);
    requireOwn(workspace, id);
    changes.remove(
        changes.find(ActionPolicyRule.class, workspace, id, "id"), null, "actionPolicyWasRemoved");
  }

  /** The defaults are the same everywhere: a workspace overrides them with a rule of its own. */
  private static void requireOwn(WorkspaceId workspace, UUID id) throws RuleViolationException {
    for (ActionPolicyRule rule : BuiltInRules.of(workspace)) {
      if (rule.ruleId().equals(id)) {
        throw new RuleViolationException(
            "Built-in rules cannot be changed or removed; add a rule of your own, which comes first");
      }
    }
  }

  @Override
  public Simulation simulate(
      WorkspaceId workspace, String agent, String tool, String arguments, RequesterKind requester)
      throws StewardException {
    access.require(workspace, WorkspaceRole.ADMIN);
    if (requester == null) {
      throw new InvalidInputException("requester", "is required");
    }
    ProposedAction action =
        catalog.propose(
            workspace,
            agent,
            tool,
            arguments,
            new Requester(
                requester,
                currentCaller.get().userId(),
                requester == RequesterKind.CHAT ? null : "simulation"));
    return new Simulation(action, PolicyVerdict.of(rulesOf(workspace), action));
  }

  @Override
  public PolicyVerdict verdict(ProposedAction action) {
    return PolicyVerdict.of(rulesOf(action.workspace()), action);
  }

  @Override
  public PolicyVerdict judge(ProposedAction action, String runId) {
    PolicyVerdict verdict = verdict(action);
    if (verdict.decision() != PolicyDecision.APPROVE) {
      // A held action is logged with its approval request, once that exists.
      actions.add(new AgentAction(action, verdict, runId, null, Instant.now(Clock.systemUTC())));
    }
    return verdict;
  }
}
