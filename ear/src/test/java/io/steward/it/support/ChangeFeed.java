package io.steward.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An open live change feed of a workspace ({@code GET /api/workspaces/{ws}/changes}), parsed line
 * by line as the SSE format defines, as a browser's EventSource reads it.
 */
public final class ChangeFeed implements AutoCloseable {

  /**
   * HTTP/1.1, one connection per feed, as AgentRuns reads runs: over cleartext HTTP/2 the JDK
   * client multiplexes every feed of the test JVM on one connection, where a feed closed by one
   * test was seen to hold back the events of the next one's (see the README, change feed).
   */
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** One server-sent event: its id and its JSON data. */
  public record Event(String id, JsonPath data) {}

  private final InputStream body;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final CountDownLatch subscribed = new CountDownLatch(1);

  private ChangeFeed(InputStream body) {
    this.body = body;
    Thread reader = new Thread(this::read, "sse-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Opens the feed and waits until the server confirms the subscription; {@code lastEventId} (or
   * null) resumes after that event.
   */
  public static ChangeFeed open(String token, String ws, String lastEventId) throws Exception {
    HttpResponse<InputStream> response =
        HTTP.send(request(token, ws, lastEventId), HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, response.statusCode());
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
    ChangeFeed feed = new ChangeFeed(response.body());
    feed.awaitSubscribed();
    return feed;
  }

  /** Asks for the feed and reads the whole answer, for requests refused before it streams. */
  public static HttpResponse<String> refusal(String token, String ws) throws Exception {
    return HTTP.send(request(token, ws, null), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest request(String token, String ws, String lastEventId) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Steward.URL + "/api/workspaces/" + ws + "/changes"))
            .header("Accept", "text/event-stream");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    return request.GET().build();
  }

  private void awaitSubscribed() throws InterruptedException {
    assertTrue(subscribed.await(10, TimeUnit.SECONDS), "the server confirms the subscription");
  }

  private void read() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String id = null;
      List<String> data = new ArrayList<>();
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith(":")) {
          subscribed.countDown();
        } else if (line.startsWith("id:")) {
          id = line.substring(3).strip();
        } else if (line.startsWith("data:")) {
          data.add(line.substring(5).strip());
        } else if (line.isEmpty() && !data.isEmpty()) {
          events.add(new Event(id, new JsonPath(String.join("\n", data))));
          id = null;
          data.clear();
        }
      }
    } catch (IOException e) {
      // the stream was closed
    }
  }

  /** The next event, which must arrive within 10 s. */
  public Event next() throws InterruptedException {
    Event event = events.poll(10, TimeUnit.SECONDS);
    assertFalse(event == null, "an event arrives within 10 s");
    return event;
  }

  @Override
  public void close() throws IOException {
    body.close();
  }
}
