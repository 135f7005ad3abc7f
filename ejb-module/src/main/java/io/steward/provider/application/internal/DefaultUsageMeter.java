package io.steward.provider.application.internal;

import io.steward.provider.application.UsageMeter;
import io.steward.provider.domain.AgentSettings;
import io.steward.provider.domain.AiSettings;
import io.steward.provider.domain.ModelUsage;
import io.steward.provider.domain.ProviderStore;
import io.steward.shared.domain.QuotaExceededException;
import io.steward.workspace.domain.Workspace;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Budgets per calendar month of the workspace's time zone, summed from the recorded usage. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DefaultUsageMeter implements UsageMeter {

  @Inject ProviderStore store;

  @Override
  public void requireBudget(Workspace workspace, String agent) throws QuotaExceededException {
    Instant monthStart = monthStart(workspace.timeZone(), Clock.systemUTC());
    Instant now = Instant.now();
    Long budget = store.settings(workspace.id()).map(AiSettings::monthlyTokenBudget).orElse(null);
    if (budget != null
        && store.used(workspace.id(), null, monthStart, now).totalTokens() >= budget) {
      throw new QuotaExceededException(
          "monthlyTokenBudget",
          "The workspace has used its monthly budget of " + budget + " tokens");
    }
    Long agentBudget =
        store
            .agentSettings(workspace.id(), agent)
            .map(AgentSettings::monthlyTokenBudget)
            .orElse(null);
    if (agentBudget != null
        && store.used(workspace.id(), agent, monthStart, now).totalTokens() >= agentBudget) {
      throw new QuotaExceededException(
          "monthlyTokenBudget",
          "The " + agent + " agent has used its monthly budget of " + agentBudget + " tokens");
    }
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(UsageRecord usage) {
    store.add(
        new ModelUsage(
            usage.workspace().id(),
            usage.run(),
            usage.agent(),
            usage.model().name(),
            usage.model().providerId(),
            usage.userId(),
            usage.inputTokens(),
            usage.outputTokens(),
            usage.estimated(),
            Instant.now()));
  }

  /** The first moment of the current calendar month in {@code zone}. */
  static Instant monthStart(ZoneId zone, Clock clock) {
    return LocalDate.now(clock.withZone(zone)).withDayOfMonth(1).atStartOfDay(zone).toInstant();
  }
}
