package io.steward.agent.application;

/**
 * Decides what happens to a change an agent wants to make: apply it now, or (once the approvals
 * inbox exists) hold it for a person. Asked before every tool that changes data.
 */
public interface ActionPolicy {

  enum Decision {
    APPLY
  }

  /** A change an agent proposes in a workspace on behalf of the person running it. */
  record ProposedAction(
      io.steward.tenancy.domain.WorkspaceId workspace,
      String agent,
      String tool,
      String arguments,
      String onBehalfOf) {}

  Decision decide(ProposedAction action);
}
