package io.steward.provider.application.internal;

import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import io.steward.shared.application.OutboundAddressPolicy;
import io.steward.shared.application.RefusedAddressException;
import io.steward.shared.application.RefusedAddressException.Reason;
import java.net.URI;
import java.time.Duration;

/**
 * A LangChain4j HTTP client that checks the address of every request against an outbound address
 * policy before sending it, so a model call, a retry or any later request of a run never reaches an
 * address the policy refuses, even when the host's DNS answer changed since the provider was saved.
 * A refused request fails like a failed connection, with the {@link RefusedAddressException} as its
 * cause.
 */
final class CheckedHttpClient implements HttpClient {

  private final HttpClient delegate;
  private final OutboundAddressPolicy policy;

  private CheckedHttpClient(HttpClient delegate, OutboundAddressPolicy policy) {
    this.delegate = delegate;
    this.policy = policy;
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    try {
      check(request);
    } catch (RefusedAddressException e) {
      throw new LangChain4jException(e.getMessage(), e);
    }
    return delegate.execute(request);
  }

  @Override
  public void execute(
      HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    try {
      check(request);
    } catch (RefusedAddressException e) {
      listener.onError(e);
      return;
    }
    delegate.execute(request, parser, listener);
  }

  private void check(HttpRequest request) throws RefusedAddressException {
    URI url;
    try {
      url = URI.create(request.url());
    } catch (IllegalArgumentException e) {
      throw new RefusedAddressException(Reason.MALFORMED, "The address is not a valid URL");
    }
    policy.check(url);
  }

  /** Builds the wrapped client with the builder's settings; the models set the timeouts. */
  static final class Builder implements HttpClientBuilder {

    private final HttpClientBuilder delegate;
    private final OutboundAddressPolicy policy;

    Builder(HttpClientBuilder delegate, OutboundAddressPolicy policy) {
      this.delegate = delegate;
      this.policy = policy;
    }

    @Override
    public Duration connectTimeout() {
      return delegate.connectTimeout();
    }

    @Override
    public Builder connectTimeout(Duration timeout) {
      delegate.connectTimeout(timeout);
      return this;
    }

    @Override
    public Duration readTimeout() {
      return delegate.readTimeout();
    }

    @Override
    public Builder readTimeout(Duration timeout) {
      delegate.readTimeout(timeout);
      return this;
    }

    @Override
    public HttpClient build() {
      return new CheckedHttpClient(delegate.build(), policy);
    }
  }
}
