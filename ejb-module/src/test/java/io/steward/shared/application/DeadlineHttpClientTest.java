package io.steward.shared.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

class DeadlineHttpClientTest {

  private static final HttpRequest REQUEST =
      HttpRequest.newBuilder(URI.create("http://keycloak.example/realms/steward"))
          .timeout(Duration.ofMillis(200))
          .build();

  @Test
  void should_end_a_call_whose_client_never_answers_and_replace_that_client() throws Exception {
    List<FakeClient> made = new ArrayList<>();
    DeadlineHttpClient client =
        new DeadlineHttpClient(
            () -> {
              // The first client is broken (its selector thread died): it never completes.
              FakeClient fake = new FakeClient(made.isEmpty() ? new CompletableFuture<>() : null);
              made.add(fake);
              return fake;
            });

    long started = System.nanoTime();
    assertThrows(
        HttpTimeoutException.class,
        () -> client.send(REQUEST, HttpResponse.BodyHandlers.ofString()));
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertTrue(took.compareTo(DeadlineHttpClient.GRACE.plusSeconds(2)) < 0, "took " + took);

    assertEquals(2, made.size(), "a new client replaces the one that missed its deadline");
    client.sendAsync(REQUEST, HttpResponse.BodyHandlers.ofString());
    assertEquals(1, made.get(1).calls);
  }

  @Test
  void should_pass_a_working_clients_answers_and_errors_through() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hello",
        exchange -> {
          byte[] body = "hi".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.createContext("/slow", exchange -> sleepQuietly());
    server.start();
    try {
      HttpClient client = DeadlineHttpClient.newBuilder().build();
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      HttpResponse<String> hello =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/hello"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals("hi", hello.body());
      // A working client reports its own timeout, before the deadline's grace runs out.
      long started = System.nanoTime();
      assertThrows(
          HttpTimeoutException.class,
          () ->
              client.send(
                  HttpRequest.newBuilder(URI.create(base + "/slow"))
                      .timeout(Duration.ofMillis(300))
                      .build(),
                  HttpResponse.BodyHandlers.ofString()));
      assertTrue(
          Duration.ofNanos(System.nanoTime() - started).compareTo(DeadlineHttpClient.GRACE) < 0);
    } finally {
      server.stop(0);
    }
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(3000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A client that answers every call with one future (a fresh, completed one when null). */
  private static final class FakeClient extends HttpClient {

    private final CompletableFuture<HttpResponse<Object>> answer;
    int calls;

    FakeClient(CompletableFuture<HttpResponse<Object>> answer) {
      this.answer = answer;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
        HttpRequest request, HttpResponse.BodyHandler<T> handler) {
      calls++;
      return answer == null
          ? new CompletableFuture<>()
          : (CompletableFuture<HttpResponse<T>>) (CompletableFuture<?>) answer;
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
        HttpRequest request,
        HttpResponse.BodyHandler<T> handler,
        HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
      return sendAsync(request, handler);
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
      return Optional.empty();
    }

    @Override
    public Optional<Duration> connectTimeout() {
      return Optional.empty();
    }

    @Override
    public Redirect followRedirects() {
      return Redirect.NEVER;
    }

    @Override
    public Optional<ProxySelector> proxy() {
      return Optional.empty();
    }

    @Override
    public SSLContext sslContext() {
      return null;
    }

    @Override
    public SSLParameters sslParameters() {
      return null;
    }

    @Override
    public Optional<Authenticator> authenticator() {
      return Optional.empty();
    }

    @Override
    public Version version() {
      return Version.HTTP_1_1;
    }

    @Override
    public Optional<Executor> executor() {
      return Optional.empty();
    }
  }
}
