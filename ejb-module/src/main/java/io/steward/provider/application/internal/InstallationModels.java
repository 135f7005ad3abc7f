package io.steward.provider.application.internal;

import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.steward.provider.application.ChatModelChoice;
import io.steward.provider.application.ModelResolver;
import io.steward.provider.offline.OfflineChatModel;
import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.StewardException;
import io.steward.workspace.domain.WorkspaceId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The installation's models: an OpenAI-compatible model when {@code steward.model.base-url} or
 * {@code steward.model.api-key} is configured (the key from the environment, {@code
 * STEWARD_MODEL_API_KEY}), and always the built-in offline model. Without a configured model every
 * run uses the offline model.
 */
@ApplicationScoped
public class InstallationModels implements ModelResolver {

  private static final String OPENAI_BASE_URL = "https://api.openai.com/v1";

  @Inject
  @ConfigProperty(name = "steward.model.base-url")
  Optional<String> baseUrl;

  @Inject
  @ConfigProperty(name = "steward.model.api-key")
  Optional<String> apiKey;

  @Inject
  @ConfigProperty(name = "steward.model.name", defaultValue = "gpt-4o-mini")
  String modelName;

  @Inject
  @ConfigProperty(name = "steward.model.timeout-seconds", defaultValue = "60")
  int timeoutSeconds;

  private ChatModelChoice offline;
  private ChatModelChoice configured;

  @PostConstruct
  void build() {
    offline = new ChatModelChoice(OFFLINE, true, new OfflineChatModel());
    if (baseUrl.filter(url -> !url.isBlank()).isPresent()
        || apiKey.filter(key -> !key.isBlank()).isPresent()) {
      Duration timeout = Duration.ofSeconds(timeoutSeconds);
      configured =
          new ChatModelChoice(
              modelName,
              false,
              OpenAiStreamingChatModel.builder()
                  .httpClientBuilder(
                      JdkHttpClient.builder()
                          .httpClientBuilder(
                              HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1))
                          .connectTimeout(timeout)
                          .readTimeout(timeout))
                  .baseUrl(baseUrl.filter(url -> !url.isBlank()).orElse(OPENAI_BASE_URL))
                  // OpenAI-compatible servers such as Ollama take any key.
                  .apiKey(apiKey.filter(key -> !key.isBlank()).orElse("none"))
                  .modelName(modelName)
                  .returnThinking(true)
                  .timeout(timeout)
                  .build());
    }
  }

  @Override
  public ChatModelChoice resolve(WorkspaceId workspace, String agent, String requested)
      throws StewardException {
    if (requested == null || requested.isBlank()) {
      return configured != null ? configured : offline;
    }
    if (requested.equals(OFFLINE)) {
      return offline;
    }
    if (configured != null && requested.equals(configured.name())) {
      return configured;
    }
    throw new InvalidInputException(
        "model",
        "must be "
            + OFFLINE
            + (configured == null ? "" : " or " + configured.name())
            + "; no model named "
            + requested
            + " is configured");
  }
}
