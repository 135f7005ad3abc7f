package io.steward.approval.application;

import io.steward.approval.domain.ProposedAction;
import io.steward.approval.domain.Requester;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.WorkspaceId;

/**
 * The agents' tools as approvals see them, implemented by the agent runtime: what a call would do,
 * and doing it.
 */
public interface ActionCatalog {

  /**
   * What the call would do, for the policy and the people who decide: fails as the call itself
   * would on arguments that are not valid (VALIDATION) or an unknown agent, tool or record
   * (NOT_FOUND). The model's stated reason and confidence are taken out of {@code arguments}.
   */
  ProposedAction propose(
      WorkspaceId workspace, String agent, String tool, String arguments, Requester requester)
      throws StewardException;

  /**
   * Makes the call now, in the caller's transaction and with the current caller's rights, once the
   * record it changes is still at {@code recordVersion} (null: any); answers the tool's result.
   */
  String apply(
      WorkspaceId workspace, String agent, String tool, String arguments, Integer recordVersion)
      throws StewardException;
}
