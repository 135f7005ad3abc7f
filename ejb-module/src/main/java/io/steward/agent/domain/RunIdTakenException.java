package io.steward.agent.domain;

import io.steward.shared.domain.RuleViolationException;

/** A run was started with a runId the workspace already has: every run needs a new one. */
public class RunIdTakenException extends RuleViolationException {

  public RunIdTakenException(String runId) {
    super("Run " + runId + " already exists; every run needs a new runId");
  }
}
