package io.steward.provider.application.internal;

import io.steward.provider.application.ChatModelChoice;
import io.steward.provider.domain.ProviderKind;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The installation's own model, for workspaces without a provider: OpenAI-compatible, configured
 * with {@code steward.model.base-url} or {@code steward.model.api-key} (from the environment,
 * {@code STEWARD_MODEL_API_KEY}) and {@code steward.model.name}. Built once; its key is the
 * operator's, not a workspace's.
 */
@ApplicationScoped
public class InstallationModel {

  @Inject
  @ConfigProperty(name = "steward.model.base-url")
  Optional<String> baseUrl;

  @Inject
  @ConfigProperty(name = "steward.model.api-key")
  Optional<String> apiKey;

  @Inject
  @ConfigProperty(name = "steward.model.name", defaultValue = "gpt-4o-mini")
  String modelName;

  @Inject ModelFactory factory;

  private ChatModelChoice model;

  @PostConstruct
  void build() {
    Optional<String> url = baseUrl.filter(value -> !value.isBlank());
    Optional<String> key = apiKey.filter(value -> !value.isBlank());
    if (url.isPresent() || key.isPresent()) {
      model =
          new ChatModelChoice(
              null,
              modelName,
              false,
              factory.forInstallation(
                  url.isPresent() ? ProviderKind.OPENAI_COMPATIBLE : ProviderKind.OPENAI,
                  url.orElse(null),
                  modelName,
                  key.orElse(null)),
              null);
    }
  }

  /** The configured model, if the installation has one. */
  public Optional<ChatModelChoice> model() {
    return Optional.ofNullable(model);
  }
}
