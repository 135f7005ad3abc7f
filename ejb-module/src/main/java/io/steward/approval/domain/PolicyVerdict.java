package io.steward.approval.domain;

import java.util.List;

/**
 * What the policy decided for an action and which rule decided it; null rule when none matched
 * (then a person approves: what no rule foresaw is not applied unseen).
 */
public record PolicyVerdict(PolicyDecision decision, ActionPolicyRule rule) {

  static final String NO_RULE = "No rule matched";

  /** The first of the rules (the workspace's by priority, then the defaults) that matches. */
  public static PolicyVerdict of(List<ActionPolicyRule> rules, ProposedAction action) {
    for (ActionPolicyRule rule : rules) {
      if (rule.matches(action)) {
        return new PolicyVerdict(rule.decision(), rule);
      }
    }
    return new PolicyVerdict(PolicyDecision.APPROVE, null);
  }

  public Deciders deciders() {
    return rule == null ? Deciders.ADMINS : rule.deciders();
  }

  public String ruleId() {
    return rule == null ? "none" : rule.ruleId().toString();
  }

  public String ruleName() {
    return rule == null ? NO_RULE : rule.name();
  }
}
