package io.steward.provider.application.internal;

import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.steward.provider.domain.ProviderKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds LangChain4j streaming chat models for a provider's API. Models are built per run and not
 * kept, so a decrypted key lives only as long as the run that needs it. The JDK HTTP client is
 * named explicitly (discovery through ServiceLoader is unreliable in an EAR) and held to HTTP/1.1.
 */
@ApplicationScoped
public class ModelFactory {

  static final String OPENAI_BASE_URL = "https://api.openai.com/v1";
  static final String ANTHROPIC_BASE_URL = "https://api.anthropic.com/v1/";
  private static final int ANTHROPIC_MAX_TOKENS = 4096;

  @Inject
  @ConfigProperty(name = "steward.model.timeout-seconds", defaultValue = "60")
  int timeoutSeconds;

  /** A model of the provider's kind; {@code baseUrl} null means the vendor's own endpoint. */
  public StreamingChatModel build(
      ProviderKind kind, String baseUrl, String modelName, String apiKey) {
    Duration timeout = Duration.ofSeconds(timeoutSeconds);
    JdkHttpClientBuilder http =
        JdkHttpClient.builder()
            .httpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1))
            .connectTimeout(timeout)
            .readTimeout(timeout);
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
