package io.steward.provider.domain;

import io.steward.tenancy.domain.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stored providers, settings and usage; every lookup starts from the workspace. */
public interface ProviderStore {

  void add(ModelProvider provider);

  void remove(ModelProvider provider);

  Optional<ModelProvider> provider(WorkspaceId workspace, UUID id);

  Optional<ModelProvider> providerNamed(WorkspaceId workspace, String name);

  /** A provider by id alone, for re-sealing its key. */
  Optional<ModelProvider> provider(UUID id);

  List<ModelProvider> providers(WorkspaceId workspace);

  /** Ids of providers whose key is sealed under another master key than {@code keyId}. */
  List<UUID> sealedUnderOtherKeys(String keyId, int limit);

  Optional<AiSettings> settings(WorkspaceId workspace);

  void add(AiSettings settings);

  Optional<AgentSettings> agentSettings(WorkspaceId workspace, String agent);

  List<AgentSettings> agentSettings(WorkspaceId workspace);

  void add(AgentSettings settings);

  void add(ModelUsage usage);

  /** Tokens used from {@code from} (inclusive) to {@code to} (exclusive), of one agent if given. */
  UsageTotal used(WorkspaceId workspace, String agent, Instant from, Instant to);

  /** Usage in the period grouped by "model", "agent" or "user", largest first. */
  List<UsageTotal> usedBy(WorkspaceId workspace, String grouping, Instant from, Instant to);
}
