package io.steward.provider.application.internal;

import io.steward.provider.application.AgentSetup;
import io.steward.provider.application.ChatModelChoice;
import io.steward.provider.application.ModelResolver;
import io.steward.provider.domain.AgentSettings;
import io.steward.provider.domain.AiSettings;
import io.steward.provider.domain.ModelProvider;
import io.steward.provider.domain.ProviderStore;
import io.steward.provider.offline.OfflineChatModel;
import io.steward.provider.offline.OfflinePhrasebook;
import io.steward.secret.application.SecretBox;
import io.steward.shared.domain.AccessDeniedException;
import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.application.WorkspaceAccess;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRole;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * Resolves models from the workspace's providers and settings, over the installation's model and
 * the offline model. Provider keys are opened for each run and not kept.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DefaultModelResolver implements ModelResolver {

  @Inject ProviderStore store;
  @Inject SecretBox secrets;
  @Inject ModelFactory factory;
  @Inject WorkspaceAccess access;

  @Inject InstallationModel installation;

  /** What the capabilities' tools say the offline model understands. */
  @Inject @Any Instance<OfflinePhrasebook> phrasebooks;

  private OfflineChatModel offlineModel;

  @PostConstruct
  void buildOfflineModel() {
    offlineModel = new OfflineChatModel(phrasebooks.stream().toList());
  }

  @Override
  public ChatModelChoice requested(WorkspaceId workspace, String name) throws StewardException {
    if (name.equals(OFFLINE)) {
      return offline();
    }
    WorkspaceRole role = access.require(workspace, WorkspaceRole.VIEWER);
    boolean mayChoose =
        role.includes(WorkspaceRole.ADMIN)
            || store.settings(workspace).map(AiSettings::membersMayChooseModel).orElse(false);
    if (!mayChoose) {
      throw new AccessDeniedException(
          "Only admins choose the model in this workspace; ask for " + OFFLINE + " or none");
    }
    int slash = name.indexOf('/');
    Optional<ModelProvider> provider =
        store.providerNamed(workspace, slash < 0 ? name : name.substring(0, slash));
    if (provider.isPresent()) {
      return fromProvider(provider.get(), slash < 0 ? null : name.substring(slash + 1));
    }
    Optional<ChatModelChoice> configured = installation.model();
    if (configured.isPresent() && name.equals(configured.get().name())) {
      return configured.get();
    }
    throw new InvalidInputException(
        "model",
        "must be "
            + OFFLINE
            + ", a provider of the workspace (optionally provider/model)"
            + configured.map(model -> " or " + model.name()).orElse("")
            + "; nothing is named "
            + name);
  }

  @Override
  public ChatModelChoice forAgent(WorkspaceId workspace, String agent) throws StewardException {
    Optional<AgentSettings> settings =
        agent == null ? Optional.empty() : store.agentSettings(workspace, agent);
    UUID providerId = settings.map(AgentSettings::providerId).orElse(null);
    String model = settings.map(AgentSettings::model).orElse(null);
    if (providerId == null) {
      providerId = store.settings(workspace).map(AiSettings::defaultProviderId).orElse(null);
      model = null;
    }
    if (providerId != null) {
      Optional<ModelProvider> provider = store.provider(workspace, providerId);
      if (provider.isPresent()) {
        return fromProvider(provider.get(), model);
      }
    }
    return installation.model().orElseGet(this::offline);
  }

  @Override
  public ChatModelChoice forRouting(WorkspaceId workspace) throws StewardException {
    return forAgent(workspace, null);
  }

  @Override
  public AgentSetup setup(WorkspaceId workspace, String agent) {
    return store
        .agentSettings(workspace, agent)
        .map(s -> new AgentSetup(s.disabledTools(), s.instructions()))
        .orElse(AgentSetup.DEFAULT);
  }

  private ChatModelChoice fromProvider(ModelProvider provider, String model)
      throws StewardException {
    String modelName = model == null || model.isBlank() ? provider.defaultModel() : model;
    String apiKey =
        provider.apiKey() == null
            ? null
            : secrets.open(provider.apiKey(), provider.secretContext());
    return new ChatModelChoice(
        provider.name(),
        modelName,
        false,
        factory.forProvider(provider, modelName, apiKey),
        provider.id());
  }

  private ChatModelChoice offline() {
    return new ChatModelChoice(null, OFFLINE, true, offlineModel, null);
  }
}
