package io.steward.shared.application;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A JDK HTTP client whose requests end by their deadline even when the client itself is broken. The
 * JDK client enforces a request's timeout on its own selector thread; when that thread dies (an
 * {@link OutOfMemoryError} anywhere in the server can kill it), every later call waits for ever,
 * timeout or not. Here each call also waits on a timer of its own, {@link #GRACE} past the
 * request's timeout, and a client that misses one is replaced by a fresh one from its builder.
 * Requests without a timeout are not bounded: every caller in Steward sets one.
 */
public final class DeadlineHttpClient extends HttpClient {

  /** How long past its own timeout a working client may take to report it. */
  static final Duration GRACE = Duration.ofSeconds(2);

  private static final Logger LOG = Logger.getLogger(DeadlineHttpClient.class.getName());

  private final Supplier<HttpClient> factory;
  private volatile HttpClient delegate;

  DeadlineHttpClient(Supplier<HttpClient> factory) {
    this.factory = factory;
    this.delegate = factory.get();
  }

  /** A builder like {@link HttpClient#newBuilder()} whose clients keep their deadlines. */
  public static HttpClient.Builder newBuilder() {
    return new Builder(HttpClient.newBuilder());
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    CompletableFuture<HttpResponse<T>> response = sendAsync(request, handler);
    try {
      return response.get();
    } catch (InterruptedException e) {
      response.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof TimeoutException) {
        throw new HttpTimeoutException("No answer from " + request.uri().getHost() + " in time");
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IOException(cause);
    }
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    return bounded(request, delegate, client -> client.sendAsync(request, handler));
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request,
      HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
    return bounded(
        request, delegate, client -> client.sendAsync(request, handler, pushPromiseHandler));
  }

  private <T> CompletableFuture<HttpResponse<T>> bounded(
      HttpRequest request,
      HttpClient client,
      Function<HttpClient, CompletableFuture<HttpResponse<T>>> call) {
    CompletableFuture<HttpResponse<T>> response = call.apply(client);
    Optional<Duration> timeout = request.timeout();
    if (timeout.isEmpty()) {
      return response;
    }
    // orTimeout's timer is the JDK's own scheduler thread, not this client's; it completes the
    // client's own future, so nothing of the call is left waiting.
    return response
        .orTimeout(timeout.get().plus(GRACE).toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete(
            (answer, failure) -> {
              if (failure instanceof TimeoutException) {
                replace(client, request);
              }
            });
  }

  private synchronized void replace(HttpClient broken, HttpRequest request) {
    if (delegate == broken) {
      LOG.warning(
          () ->
              "An HTTP client missed its deadline calling "
                  + request.uri().getHost()
                  + "; using a new one");
      delegate = factory.get();
    }
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  @Override
  public Version version() {
    return delegate.version();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }

  /** The JDK builder's settings; {@link #build()} makes clients that keep their deadlines. */
  static final class Builder implements HttpClient.Builder {

    private final HttpClient.Builder jdk;

    Builder(HttpClient.Builder jdk) {
      this.jdk = jdk;
    }

    @Override
    public Builder cookieHandler(CookieHandler cookieHandler) {
      jdk.cookieHandler(cookieHandler);
      return this;
    }

    @Override
    public Builder connectTimeout(Duration duration) {
      jdk.connectTimeout(duration);
      return this;
    }

    @Override
    public Builder sslContext(SSLContext sslContext) {
      jdk.sslContext(sslContext);
      return this;
    }

    @Override
    public Builder sslParameters(SSLParameters sslParameters) {
      jdk.sslParameters(sslParameters);
      return this;
    }

    @Override
    public Builder executor(Executor executor) {
      jdk.executor(executor);
      return this;
    }

    @Override
    public Builder followRedirects(Redirect policy) {
      jdk.followRedirects(policy);
      return this;
    }

    @Override
    public Builder version(Version version) {
      jdk.version(version);
      return this;
    }

    @Override
    public Builder priority(int priority) {
      jdk.priority(priority);
      return this;
    }

    @Override
    public Builder proxy(ProxySelector proxySelector) {
      jdk.proxy(proxySelector);
      return this;
    }

    @Override
    public Builder authenticator(Authenticator authenticator) {
      jdk.authenticator(authenticator);
      return this;
    }

    @Override
    public HttpClient build() {
      return new DeadlineHttpClient(jdk::build);
    }
  }
}
