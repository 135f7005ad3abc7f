package io.steward.provider.application.internal;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.steward.provider.application.AgentCatalog;
import io.steward.provider.application.ModelCalls;
import io.steward.provider.application.ModelCalls.Completion;
import io.steward.provider.application.ModelFailure;
import io.steward.provider.application.ModelResolver;
import io.steward.provider.application.ProviderService;
import io.steward.provider.domain.AgentSettings;
import io.steward.provider.domain.AiSettings;
import io.steward.provider.domain.ModelProvider;
import io.steward.provider.domain.ProviderKind;
import io.steward.provider.domain.ProviderStore;
import io.steward.secret.application.SecretBox;
import io.steward.shared.application.RefusedAddressException;
import io.steward.shared.domain.Dates;
import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.RuleViolationException;
import io.steward.shared.domain.StaleVersionException;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.application.WorkspaceAccess;
import io.steward.tenancy.domain.UnknownRecordException;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRole;
import io.steward.workspace.application.WorkspaceService;
import io.steward.workspace.domain.Workspace;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Everything here needs the admin role (admins and owners) in the workspace. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class DefaultProviderService implements ProviderService {

  private static final String PROVIDER = "model provider";
  private static final int MODEL_MAX_LENGTH = 200;
  private static final int URL_MAX_LENGTH = 500;
  private static final int API_KEY_MAX_LENGTH = 1000;
  private static final int MAX_REPORT_DAYS = 366;

  @Inject WorkspaceAccess access;
  @Inject WorkspaceService workspaces;
  @Inject ProviderStore store;
  @Inject SecretBox secrets;
  @Inject ModelFactory factory;
  @Inject AgentCatalog agents;

  @Inject
  @ConfigProperty(name = "steward.model.timeout-seconds", defaultValue = "60")
  int timeoutSeconds;

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<ModelProvider> providers(WorkspaceId workspace) throws StewardException {
    access.require(workspace, WorkspaceRole.ADMIN);
    return store.providers(workspace);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public ModelProvider provider(WorkspaceId workspace, UUID id) throws StewardException {
    access.require(workspace, WorkspaceRole.ADMIN);
    return find(workspace, id, "id");
  }

  @Override
  public ModelProvider add(WorkspaceId workspace, ProviderDraft draft) throws StewardException {
    access.require(workspace, WorkspaceRole.ADMIN);
    if (draft.kind() == null) {
      throw new InvalidInputException("kind", "is required");
    }
    String name = name(workspace, draft.name(), null);
    String baseUrl = baseUrl(draft.kind(), draft.baseUrl());
    String model = model("defaultModel", draft.defaultModel());
    String apiKey = apiKey(draft.apiKey());
    if (apiKey == null && draft.kind() != ProviderKind.OPENAI_COMPATIBLE) {
      throw new InvalidInputException("apiKey", "is required for " + draft.kind());
    }
    Instant now = Instant.now();
    ModelProvider provider = new ModelProvider(workspace, name, draft.kind(), baseUrl, model, now);
    if (apiKey != null) {
      provider.replaceApiKey(secrets.seal(apiKey, provider.secretContext()), now);
    }
    store.add(provider);
    return provider;
  }

  @Override
  public ModelProvider change(
      WorkspaceId workspace, UUID id, Integer version, ProviderChanges changes)
      throws StewardException {
    access.require(workspace, WorkspaceRole.ADMIN);
    ModelProvider provider = find(workspace, id, "id");
    if (version != null && version != provider.version()) {
      throw new StaleVersionException(PROVIDER, version, provider.version());
    }
    Instant now = Instant.now();
    provider.change(
        changes.name() == null ? provider.name() : name(workspace, changes.name(), provider),
        changes.baseUrl() == null
            ? provider.baseUrl()
            : baseUrl(provider.kind(), changes.baseUrl()),
        changes.defaultModel() == null
            ? provider.defaultModel()
            : model("defaultModel", changes.defaultModel()),
        now);
    if (changes.apiKey() != null) {
      String apiKey = apiKey(changes.apiKey());
      if (apiKey == null && provider.kind() != ProviderKind.OPENAI_COMPATIBLE) {
        throw new InvalidInputException("apiKey", "is required for " + provider.kind());
      }
      provider.replaceApiKey(
          apiKey == null ? null : secrets.seal(apiKey, provider.secretContext()), now);
    }
    return provider;
  }

  @Override
  public void remove(WorkspaceId workspace, UUID id) throws StewardException {
    access.require(workspace, WorkspaceRole.ADMIN);
    ModelProvider provider = find(workspace, id, "id");
    store.settings(workspace).ifPresent(settings -> settings.forgetProvider(id));
    store.agentSettings(workspace).forEach(settings -> settings.forgetProvider(id));
    store.remove(provider);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public ConnectionTest test(WorkspaceId workspace, UUID id) throws StewardException {
    access.require(workspace, WorkspaceRole.ADMIN);
    ModelProvider provider = find(workspace, id, "id");
    String apiKey =
        provider.apiKey() == null
            ? null
            : secrets.open(provider.apiKey(), provider.secretContext());
    StreamingChatModel model = factory.forProvider(provider, provider.defaultModel(), apiKey);
    Completion completion =
        ModelCalls.complete(
            model,
            ChatRequest.builder().messages(UserMessage.from("Reply with the word OK.")).build(),
            Duration.ofSeconds(timeoutSeconds));
    ModelFailure failure = completion.failure();
    return failure == null
        ? new ConnectionTest(true, "OK", "The provider answered.", completion.millis())
        : new ConnectionTest(false, failure.code(), failure.message(), completion.millis());
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public AiSettings settings(WorkspaceId workspace) throws StewardException {
    access.require(workspace, WorkspaceRole.ADMIN);
    return store.settings(workspace).orElseGet(() -> new AiSettings(workspace));
  }

  @Override
  public AiSettings changeSettings(WorkspaceId workspace, Integer version, SettingsChanges changes)
      throws StewardException {
    access.require(workspace, WorkspaceRole.ADMIN);
    if (changes.defaultProviderId() != null) {
      find(workspace, changes.defaultProviderId(), "defaultProviderId");
    }
    budget(changes.monthlyTokenBudget());
    AiSettings settings = store.settings(workspace).orElse(null);
    if (settings == null) {
      settings = new AiSettings(workspace);
      store.add(settings);
    } else if (version != null && version != settings.version()) {
      throw new StaleVersionException("AI settings", version, settings.version());
    }
    settings.change(
        changes.defaultProviderId(), changes.monthlyTokenBudget(), changes.membersMayChoose());
    return settings;
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<AgentSettings> agentSettings(WorkspaceId workspace) throws StewardException {
    access.require(workspace, WorkspaceRole.ADMIN);
    return store.agentSettings(workspace);
  }

  @Override
  public AgentSettings changeAgentSettings(
      WorkspaceId workspace, String agent, Integer version, AgentSettingsChanges changes)
      throws StewardException {
    access.require(workspace, WorkspaceRole.ADMIN);
    Set<String> tools =
        agents
            .toolNames(agent == null ? "" : agent)
            .orElseThrow(() -> new UnknownRecordException("agent", agent, "agent"));
    if (changes.providerId() != null) {
      find(workspace, changes.providerId(), "providerId");
    }
    String model = null;
    if (changes.model() != null && !changes.model().isBlank()) {
      if (changes.providerId() == null) {
        throw new InvalidInputException("model", "needs a providerId");
      }
      model = model("model", changes.model());
    }
    Set<String> disabled = new LinkedHashSet<>();
    for (String tool :
        changes.disabledTools() == null ? List.<String>of() : changes.disabledTools()) {
      if (!tools.contains(tool)) {
        throw new InvalidInputException(
            "disabledTools", "the " + agent + " agent has no tool named " + tool);
      }
      disabled.add(tool);
    }
    String instructions = changes.instructions() == null ? null : changes.instructions().strip();
    if (instructions != null && instructions.length() > AgentSettings.INSTRUCTIONS_MAX_LENGTH) {
      throw new InvalidInputException(
          "instructions",
          "must be at most " + AgentSettings.INSTRUCTIONS_MAX_LENGTH + " characters");
    }
    budget(changes.monthlyTokenBudget());
    AgentSettings settings = store.agentSettings(workspace, agent).orElse(null);
    if (settings == null) {
      settings = new AgentSettings(workspace, agent);
      store.add(settings);
    } else if (version != null && version != settings.version()) {
      throw new StaleVersionException("agent settings", version, settings.version());
    }
    settings.change(
        changes.providerId(),
        model,
        new ArrayList<>(disabled),
        instructions == null || instructions.isEmpty() ? null : instructions,
        changes.monthlyTokenBudget());
    return settings;
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public UsageReport usage(WorkspaceId workspace, LocalDate from, LocalDate to)
      throws StewardException {
    access.require(workspace, WorkspaceRole.ADMIN);
    Dates.inRange("from", from);
    Dates.inRange("to", to);
    if (from == null || to == null || to.isBefore(from)) {
      throw new InvalidInputException("to", "must be on or after from");
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_REPORT_DAYS) {
      throw new InvalidInputException("to", "a report covers at most " + MAX_REPORT_DAYS + " days");
    }
    Workspace place = workspaces.workspace(workspace);
    Instant start = from.atStartOfDay(place.timeZone()).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(place.timeZone()).toInstant();
    Instant monthStart = DefaultUsageMeter.monthStart(place.timeZone(), Clock.systemUTC());
    return new UsageReport(
        from,
        to,
        store.used(workspace, null, start, end),
        store.usedBy(workspace, "model", start, end),
        store.usedBy(workspace, "agent", start, end),
        store.usedBy(workspace, "user", start, end),
        store.settings(workspace).map(AiSettings::monthlyTokenBudget).orElse(null),
        store.used(workspace, null, monthStart, Instant.now()).totalTokens());
  }

  private ModelProvider find(WorkspaceId workspace, UUID id, String field)
      throws UnknownRecordException {
    return store
        .provider(workspace, id)
        .orElseThrow(() -> new UnknownRecordException(PROVIDER, id.toString(), field));
  }

  private String name(WorkspaceId workspace, String name, ModelProvider current)
      throws StewardException {
    String trimmed = name == null ? "" : name.strip();
    if (trimmed.isEmpty()
        || trimmed.length() > ModelProvider.NAME_MAX_LENGTH
        || trimmed.contains("/")) {
      throw new InvalidInputException(
          "name",
          "is required, at most " + ModelProvider.NAME_MAX_LENGTH + " characters, without '/'");
    }
    if (trimmed.equals(ModelResolver.OFFLINE)) {
      throw new InvalidInputException("name", "is reserved for the built-in offline model");
    }
    Optional<ModelProvider> other = store.providerNamed(workspace, trimmed);
    if (other.isPresent() && other.get() != current) {
      throw new RuleViolationException("The workspace already has a provider named " + trimmed);
    }
    return trimmed;
  }

  /** The base URL to store: an http(s) address without credentials that the policy allows. */
  private String baseUrl(ProviderKind kind, String url) throws InvalidInputException {
    String trimmed = url == null ? "" : url.strip();
    if (trimmed.isEmpty()) {
      if (kind == ProviderKind.OPENAI_COMPATIBLE) {
        throw new InvalidInputException("baseUrl", "is required for OPENAI_COMPATIBLE");
      }
      return null;
    }
    URI uri;
    try {
      uri = new URI(trimmed);
      if (trimmed.length() > URL_MAX_LENGTH
          || uri.getHost() == null
          || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getUserInfo() != null) {
        throw new URISyntaxException(trimmed, "not an http(s) address");
      }
    } catch (URISyntaxException e) {
      throw new InvalidInputException(
          "baseUrl", "must be an http or https address without credentials");
    }
    try {
      factory.requireAllowed(uri);
    } catch (RefusedAddressException e) {
      throw new InvalidInputException("baseUrl", e.getMessage());
    }
    return trimmed;
  }

  private static String model(String field, String model) throws InvalidInputException {
    String trimmed = model == null ? "" : model.strip();
    if (trimmed.isEmpty() || trimmed.length() > MODEL_MAX_LENGTH) {
      throw new InvalidInputException(
          field, "is required, at most " + MODEL_MAX_LENGTH + " characters");
    }
    return trimmed;
  }

  /**
   * The key to store, or null for none. Keys travel in HTTP headers, so they are printable ASCII,
   * which also keeps the sealed key within its column.
   */
  private static String apiKey(String apiKey) throws InvalidInputException {
    String trimmed = apiKey == null ? "" : apiKey.strip();
    if (trimmed.length() > API_KEY_MAX_LENGTH
        || trimmed.chars().anyMatch(c -> c <= ' ' || c > '~')) {
      throw new InvalidInputException(
          "apiKey",
          "must be at most " + API_KEY_MAX_LENGTH + " printable ASCII characters without spaces");
    }
    return trimmed.isEmpty() ? null : trimmed;
  }

  private static void budget(Long tokens) throws InvalidInputException {
    if (tokens != null && tokens < 1) {
      throw new InvalidInputException("monthlyTokenBudget", "must be at least 1, or absent");
    }
  }
}
