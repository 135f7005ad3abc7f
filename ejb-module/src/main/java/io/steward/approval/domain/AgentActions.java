package io.steward.approval.domain;

import io.steward.tenancy.domain.WorkspaceId;
import java.time.Instant;
import java.util.Map;

/** The log of the policy's decisions on agent writes. */
public interface AgentActions {

  void add(AgentAction action);

  /** How many decisions of each kind were made in {@code [from, to)}. */
  Map<PolicyDecision, Long> countByDecision(WorkspaceId workspace, Instant from, Instant to);
}
