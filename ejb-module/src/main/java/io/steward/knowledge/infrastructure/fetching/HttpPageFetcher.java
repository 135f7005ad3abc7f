package io.steward.knowledge.infrastructure.fetching;

import io.steward.knowledge.domain.PageFetcher;
import io.steward.knowledge.domain.UnreadableDocumentException;
import io.steward.shared.application.DeadlineHttpClient;
import io.steward.shared.application.OutboundAddressPolicy;
import io.steward.shared.application.RefusedAddressException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fetches pages with the JDK HTTP client. Every address — the first and each redirect target — must
 * pass the {@linkplain OutboundAddressPolicy outbound address policy} with the knowledge base's
 * allow and deny lists. The whole fetch is bounded in time and size.
 */
@ApplicationScoped
public class HttpPageFetcher implements PageFetcher {

  private static final int MAX_REDIRECTS = 5;

  @Inject
  @ConfigProperty(name = "steward.knowledge.url.allowed-hosts")
  Optional<String> allowedHosts;

  @Inject
  @ConfigProperty(name = "steward.knowledge.url.denied-hosts")
  Optional<String> deniedHosts;

  @Inject
  @ConfigProperty(name = "steward.knowledge.url.timeout-seconds", defaultValue = "15")
  int timeoutSeconds;

  /** Reads bodies on managed threads, so a stalled page can be abandoned at the deadline. */
  @Resource ManagedExecutorService executor;

  private HttpClient http;
  private OutboundAddressPolicy policy;

  @PostConstruct
  void init() {
    http =
        DeadlineHttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(Math.min(5, timeoutSeconds)))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    policy = OutboundAddressPolicy.of(allowedHosts, deniedHosts);
  }

  @Override
  public void requireAllowed(URI url) throws UnreadableDocumentException {
    try {
      policy.check(url);
    } catch (RefusedAddressException e) {
      throw new UnreadableDocumentException(e.getMessage());
    }
  }

  @Override
  public Page fetch(URI url, long maxBytes) throws UnreadableDocumentException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    URI current = url;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      requireAllowed(current);
      HttpResponse<InputStream> response = send(current, deadline);
      int status = response.statusCode();
      if (status >= 300 && status < 400) {
        Optional<String> location = response.headers().firstValue("Location");
        close(response);
        if (location.isEmpty()) {
          throw new UnreadableDocumentException("The page redirected without a new address");
        }
        current = current.resolve(location.get());
        continue;
      }
      if (status != 200) {
        close(response);
        throw new UnreadableDocumentException("The page answered HTTP " + status);
      }
      return new Page(read(response.body(), deadline, maxBytes), current);
    }
    throw new UnreadableDocumentException(
        "The page redirected more than " + MAX_REDIRECTS + " times");
  }

  private HttpResponse<InputStream> send(URI url, long deadline)
      throws UnreadableDocumentException {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))
            .header("User-Agent", "Steward-Knowledge/1.0")
            .header("Accept", "text/html, application/pdf, text/plain;q=0.8, */*;q=0.5")
            .GET()
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw tooSlow();
    } catch (IOException e) {
      throw new UnreadableDocumentException("The page could not be fetched: the connection failed");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnreadableDocumentException("Fetching the page was interrupted");
    }
  }

  /** Reads the body within the deadline and size limit; a stalled body is cut off. */
  private byte[] read(InputStream body, long deadline, long maxBytes)
      throws UnreadableDocumentException {
    CompletableFuture<byte[]> reading =
        CompletableFuture.supplyAsync(
            () -> {
              try (InputStream in = body) {
                return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            executor);
    try {
      byte[] bytes = reading.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (bytes.length > maxBytes) {
        throw new UnreadableDocumentException("The page is larger than " + maxBytes + " bytes");
      }
      return bytes;
    } catch (TimeoutException e) {
      closeQuietly(body);
      throw tooSlow();
    } catch (ExecutionException e) {
      throw new UnreadableDocumentException("The page could not be fetched: the connection failed");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnreadableDocumentException("Fetching the page was interrupted");
    }
  }

  private UnreadableDocumentException tooSlow() {
    return new UnreadableDocumentException(
        "The page did not answer within " + timeoutSeconds + " seconds");
  }

  private static void close(HttpResponse<InputStream> response) {
    closeQuietly(response.body());
  }

  private static void closeQuietly(InputStream stream) {
    try {
      stream.close();
    } catch (IOException e) {
      // nothing more to do with a stream we are abandoning
    }
  }
}
