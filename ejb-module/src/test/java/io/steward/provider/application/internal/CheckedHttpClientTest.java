package io.steward.provider.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import io.steward.shared.application.OutboundAddressPolicy;
import io.steward.shared.application.RefusedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckedHttpClientTest {

  /** Stands in for the JDK client: records what would have been sent. */
  private static final class RecordingClient implements HttpClient, HttpClientBuilder {
    final List<String> sent = new ArrayList<>();
    Duration connectTimeout;
    Duration readTimeout;

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
      sent.add(request.url());
      return SuccessfulHttpResponse.builder().statusCode(200).body("{}").build();
    }

    @Override
    public void execute(
        HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
      sent.add(request.url());
    }

    @Override
    public Duration connectTimeout() {
      return connectTimeout;
    }

    @Override
    public HttpClientBuilder connectTimeout(Duration timeout) {
      connectTimeout = timeout;
      return this;
    }

    @Override
    public Duration readTimeout() {
      return readTimeout;
    }

    @Override
    public HttpClientBuilder readTimeout(Duration timeout) {
      readTimeout = timeout;
      return this;
    }

    @Override
    public HttpClient build() {
      return this;
    }
  }

  private final RecordingClient jdk = new RecordingClient();
  private final HttpClient client =
      new CheckedHttpClient.Builder(
              jdk, OutboundAddressPolicy.of(Optional.of("127.0.0.1:11434"), Optional.empty()))
          .connectTimeout(Duration.ofSeconds(3))
          .readTimeout(Duration.ofSeconds(4))
          .build();

  private static HttpRequest post(String url) {
    return HttpRequest.builder().method(HttpMethod.POST).url(url).body("{}").build();
  }

  @Test
  void should_send_requests_to_allowed_addresses_with_the_timeouts_given() {
    client.execute(post("http://127.0.0.1:11434/v1/chat/completions"));
    client.execute(post("http://127.0.0.1:11434/v1/chat/completions"), null, error -> {});
    assertEquals(2, jdk.sent.size());
    assertEquals(Duration.ofSeconds(3), jdk.connectTimeout);
    assertEquals(Duration.ofSeconds(4), jdk.readTimeout);
  }

  @Test
  void should_fail_streamed_requests_to_refused_addresses_without_sending_them() {
    List<Throwable> errors = new ArrayList<>();
    client.execute(post("http://127.0.0.1:4848/v1/chat/completions"), null, errors::add);
    client.execute(post("http://169.254.169.254/latest/meta-data/"), null, errors::add);
    assertEquals(2, errors.size());
    errors.forEach(error -> assertInstanceOf(RefusedAddressException.class, error));
    assertTrue(jdk.sent.isEmpty(), "nothing reached the refused addresses");
  }

  @Test
  void should_fail_plain_requests_to_refused_addresses_without_sending_them() {
    LangChain4jException error =
        assertThrows(
            LangChain4jException.class, () -> client.execute(post("http://localhost:11434/v1")));
    assertInstanceOf(RefusedAddressException.class, error.getCause());
    assertTrue(jdk.sent.isEmpty());
  }
}
