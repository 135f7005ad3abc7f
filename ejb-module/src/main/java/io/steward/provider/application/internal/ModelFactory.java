package io.steward.provider.application.internal;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.steward.provider.domain.ModelProvider;
import io.steward.provider.domain.ProviderKind;
import io.steward.shared.application.DeadlineHttpClient;
import io.steward.shared.application.OutboundAddressPolicy;
import io.steward.shared.application.RefusedAddressException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds LangChain4j streaming chat models for a provider's API. Models are built per run and not
 * kept, so a decrypted key lives only as long as the run that needs it. The JDK HTTP client is
 * named explicitly (discovery through ServiceLoader is unreliable in an EAR), held to HTTP/1.1 and
 * never follows redirects. A workspace provider's model checks every request against the provider
 * address policy ({@code steward.provider.url.allowed-hosts} and {@code …denied-hosts}); the
 * installation's own model is the operator's and trusted.
 */
@ApplicationScoped
public class ModelFactory {

  static final String OPENAI_BASE_URL = "https://api.openai.com/v1";
  static final String ANTHROPIC_BASE_URL = "https://api.anthropic.com/v1/";
  private static final int ANTHROPIC_MAX_TOKENS = 4096;

  @Inject
  @ConfigProperty(name = "steward.model.timeout-seconds", defaultValue = "60")
  int timeoutSeconds;

  @Inject
  @ConfigProperty(name = "steward.provider.url.allowed-hosts")
  Optional<String> allowedHosts;

  @Inject
  @ConfigProperty(name = "steward.provider.url.denied-hosts")
  Optional<String> deniedHosts;

  private OutboundAddressPolicy policy;

  @PostConstruct
  void init() {
    policy = OutboundAddressPolicy.of(allowedHosts, deniedHosts);
  }

  /** Refuses a provider base URL that the models built here would refuse to call. */
  public void requireAllowed(URI baseUrl) throws RefusedAddressException {
    policy.check(baseUrl);
  }

  /** A workspace provider's model, {@code modelName} or else its default model. */
  public StreamingChatModel forProvider(ModelProvider provider, String modelName, String apiKey) {
    return build(
        provider.kind(),
        provider.baseUrl(),
        modelName,
        apiKey,
        new CheckedHttpClient.Builder(jdkHttpClient(), policy));
  }

  /** The installation's model; {@code baseUrl} null means OpenAI's own endpoint. */
  public StreamingChatModel forInstallation(
      ProviderKind kind, String baseUrl, String modelName, String apiKey) {
    return build(kind, baseUrl, modelName, apiKey, jdkHttpClient());
  }

  private static HttpClientBuilder jdkHttpClient() {
    return JdkHttpClient.builder()
        .httpClientBuilder(
            DeadlineHttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER));
  }

  private StreamingChatModel build(
      ProviderKind kind, String baseUrl, String modelName, String apiKey, HttpClientBuilder http) {
    Duration timeout = Duration.ofSeconds(timeoutSeconds);
    http.connectTimeout(timeout).readTimeout(timeout);
    if (kind == ProviderKind.ANTHROPIC) {
      return AnthropicStreamingChatModel.builder()
          .httpClientBuilder(http)
          .baseUrl(baseUrl == null ? ANTHROPIC_BASE_URL : withSlash(baseUrl))
          .apiKey(apiKey == null ? "none" : apiKey)
          .modelName(modelName)
          .maxTokens(ANTHROPIC_MAX_TOKENS)
          .returnThinking(true)
          .timeout(timeout)
          .build();
    }
    return OpenAiStreamingChatModel.builder()
        .httpClientBuilder(http)
        .baseUrl(baseUrl == null ? OPENAI_BASE_URL : baseUrl)
        // OpenAI-compatible servers such as Ollama take any key.
        .apiKey(apiKey == null ? "none" : apiKey)
        .modelName(modelName)
        .returnThinking(true)
        .timeout(timeout)
        .build();
  }

  private static String withSlash(String url) {
    return url.endsWith("/") ? url : url + "/";
  }
}
