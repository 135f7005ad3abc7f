package io.steward.provider.application;

import io.steward.provider.domain.AgentSettings;
import io.steward.provider.domain.AiSettings;
import io.steward.provider.domain.ModelProvider;
import io.steward.provider.domain.ProviderKind;
import io.steward.provider.domain.UsageTotal;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.WorkspaceId;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A workspace's own AI, managed by its admins and owners: providers and their keys (written, never
 * read back), model settings, budgets, per-agent settings and the usage report.
 */
public interface ProviderService {

  /** What a new provider is made of; {@code apiKey} may be null for servers that need none. */
  record ProviderDraft(
      String name, ProviderKind kind, String baseUrl, String defaultModel, String apiKey) {}

  /**
   * Changes to a provider; null fields stay as they are. An empty {@code apiKey} removes the key.
   */
  record ProviderChanges(String name, String baseUrl, String defaultModel, String apiKey) {}

  /** The outcome of a connection test: a stable code and a message safe to show. */
  record ConnectionTest(boolean ok, String code, String message, long millis) {}

  /** New workspace settings; a null budget means no budget. */
  record SettingsChanges(
      UUID defaultProviderId, Long monthlyTokenBudget, boolean membersMayChoose) {}

  /** New settings of an agent; null provider: the workspace default; null budget: none. */
  record AgentSettingsChanges(
      UUID providerId,
      String model,
      List<String> disabledTools,
      String instructions,
      Long monthlyTokenBudget) {}

  /** Tokens used in a period (days in the workspace's time zone), in total and broken down. */
  record UsageReport(
      LocalDate from,
      LocalDate to,
      UsageTotal total,
      List<UsageTotal> byModel,
      List<UsageTotal> byAgent,
      List<UsageTotal> byUser,
      Long monthlyTokenBudget,
      long usedThisMonth) {}

  List<ModelProvider> providers(WorkspaceId workspace) throws StewardException;

  ModelProvider provider(WorkspaceId workspace, UUID id) throws StewardException;

  ModelProvider add(WorkspaceId workspace, ProviderDraft draft) throws StewardException;

  ModelProvider change(WorkspaceId workspace, UUID id, Integer version, ProviderChanges changes)
      throws StewardException;

  /** Removes a provider; settings that named it fall back to the defaults. */
  void remove(WorkspaceId workspace, UUID id) throws StewardException;

  /** Sends the provider's default model a tiny request and reports how that went. */
  ConnectionTest test(WorkspaceId workspace, UUID id) throws StewardException;

  AiSettings settings(WorkspaceId workspace) throws StewardException;

  AiSettings changeSettings(WorkspaceId workspace, Integer version, SettingsChanges changes)
      throws StewardException;

  /** Settings of the agents that have any (others run with the defaults). */
  List<AgentSettings> agentSettings(WorkspaceId workspace) throws StewardException;

  AgentSettings changeAgentSettings(
      WorkspaceId workspace, String agent, Integer version, AgentSettingsChanges changes)
      throws StewardException;

  /** Usage from {@code from} to {@code to}, both days included. */
  UsageReport usage(WorkspaceId workspace, LocalDate from, LocalDate to) throws StewardException;
}
