package io.steward.provider.application;

import io.steward.shared.domain.QuotaExceededException;
import io.steward.workspace.domain.Workspace;
import java.util.UUID;

/** Budgets checked before model calls, and the usage recorded after each. */
public interface UsageMeter {

  /**
   * Refuses when the workspace, or the agent, has used its monthly token budget (calendar month in
   * the workspace's time zone).
   */
  void requireBudget(Workspace workspace, String agent) throws QuotaExceededException;

  /** Records one model call's tokens, in a transaction of its own. */
  void record(UsageRecord usage);

  /** One model call's usage. */
  record UsageRecord(
      Workspace workspace,
      UUID run,
      String agent,
      ChatModelChoice model,
      String userId,
      long inputTokens,
      long outputTokens,
      boolean estimated) {}
}
