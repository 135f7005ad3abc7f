package io.steward.agent.application.internal;

import io.steward.agent.application.ActionPolicy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Today's policy: every change an agent proposes is applied at once and audited as made by the
 * agent on behalf of the person who ran it. Approval requests replace this for risky actions.
 */
@ApplicationScoped
public class ApplyEverything implements ActionPolicy {

  @Override
  public Decision decide(ProposedAction action) {
    return Decision.APPLY;
  }
}
