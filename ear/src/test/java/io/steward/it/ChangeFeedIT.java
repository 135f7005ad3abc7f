package io.steward.it;

import static io.steward.it.Steward.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.steward.it.Records.Team;
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
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live change feed: server-sent events from the outbox, as a browser's EventSource reads them,
 * scoped to the caller's workspace and role, resumable with Last-Event-ID.
 */
class ChangeFeedIT {

  /**
   * HTTP/1.1, one connection per feed, as AgentRuns reads runs: over cleartext HTTP/2 the JDK
   * client multiplexes every feed of the test JVM on one connection, where a feed closed by one
   * test was seen to hold back the events of the next one's (see the README, change feed).
   */
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static Team team;

  @BeforeAll
  static void team() {
    team = Team.create("Feed");
  }

  @Test
  void should_stream_the_changes_of_the_workspace_as_they_happen() throws Exception {
    Team other = Team.create("Elsewhere");
    try (Feed feed = Feed.open(team.viewer(), team.ws(), null)) {
      Records.task(other.member(), other.ws(), "Not for this feed");
      String task = Records.task(team.member(), team.ws(), "Announce the launch");
      ok(
          team.member(),
          "mutation($ws: ID!, $id: ID!) { completeTask(workspaceId: $ws, id: $id) { id } }",
          Map.of("ws", team.ws(), "id", task));

      Event created = feed.next();
      assertEquals("taskWasCreated", created.data().getString("type"));
      assertEquals(task, created.data().getString("recordId"));
      assertEquals("task", created.data().getString("recordType"));
      assertEquals("Announce the launch", created.data().getString("state.title"));
      assertEquals(created.id(), created.data().getString("id"));
      Event completed = feed.next();
      assertEquals("taskWasCompleted", completed.data().getString("type"));
      assertEquals("DONE", completed.data().getString("state.status"));
      assertEquals(1, completed.data().getInt("state.version"));
      assertTrue(Long.parseLong(completed.id()) > Long.parseLong(created.id()));
    }
  }

  @Test
  void should_keep_delivering_after_the_database_was_unreachable() throws Exception {
    try (Feed feed = Feed.open(team.viewer(), team.ws(), null)) {
      Steward.itEnv("break-db");
      try {
        // The feed's poller fails every half second meanwhile.
        Thread.sleep(3000);
      } finally {
        Steward.itEnv("restore-db");
      }
      Records.note(team.member(), team.ws(), "After the outage");
      assertEquals("After the outage", feed.next().data().getString("state.title"));
    }
  }

  @Test
  void should_replay_what_a_client_missed_after_the_last_event_id() throws Exception {
    String lastSeen;
    try (Feed feed = Feed.open(team.viewer(), team.ws(), null)) {
      Records.note(team.member(), team.ws(), "Seen");
      lastSeen = feed.next().id();
    }
    Records.note(team.member(), team.ws(), "Missed 1");
    Records.note(team.member(), team.ws(), "Missed 2");
    try (Feed feed = Feed.open(team.viewer(), team.ws(), lastSeen)) {
      assertEquals("Missed 1", feed.next().data().getString("state.title"));
      assertEquals("Missed 2", feed.next().data().getString("state.title"));
    }
  }

  @Test
  void should_show_membership_changes_to_admins_only() throws Exception {
    Team own = Team.create("Roles");
    try (Feed owner = Feed.open(own.owner(), own.ws(), null);
        Feed viewer = Feed.open(own.viewer(), own.ws(), null)) {
      ok(
          own.owner(),
          "mutation($ws: ID!) { addMember(workspaceId: $ws, user: \"carol\", role: VIEWER) { userId } }",
          Map.of("ws", own.ws()));
      Records.note(own.member(), own.ws(), "After the new member");
      assertEquals("memberWasAdded", owner.next().data().getString("type"));
      assertEquals("noteWasWritten", owner.next().data().getString("type"));
      assertEquals(
          "noteWasWritten", viewer.next().data().getString("type"), "viewers skip member events");
    }
  }

  @Test
  void should_show_how_far_a_documents_ingestion_got() throws Exception {
    try (Feed feed = Feed.open(team.viewer(), team.ws(), null)) {
      String id =
          KnowledgeIT.uploadText(
              team.member(), team.ws(), "feed.txt", "What the feed shows about ingestion.");
      List<String> statuses = new ArrayList<>();
      JsonPath progress;
      do {
        progress = feed.next().data();
        if (progress.getString("type").equals("knowledgeDocumentIngestionWasUpdated")) {
          assertEquals(id, progress.getString("recordId"));
          statuses.add(progress.getString("state.status"));
        }
      } while (!statuses.contains("READY"));
      assertEquals("INGESTING", statuses.get(0));
      assertEquals(1, progress.getInt("state.chunksTotal"));
      assertEquals(1, progress.getInt("state.chunksDone"));
      assertEquals("steward-ingestion", progress.getString("actorId"));
    }
  }

  @Test
  void should_refuse_outsiders_and_anonymous_clients() throws Exception {
    HttpResponse<String> outsider =
        HTTP.send(
            request(Steward.tokenFor("carol"), team.ws(), null),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(403, outsider.statusCode());
    assertTrue(outsider.body().contains("FORBIDDEN"));
    HttpResponse<String> anonymous =
        HTTP.send(request(null, team.ws(), null), HttpResponse.BodyHandlers.ofString());
    assertEquals(401, anonymous.statusCode());
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

  record Event(String id, JsonPath data) {}

  /** An open event stream, parsed line by line as the SSE format defines. */
  static final class Feed implements AutoCloseable {

    private final InputStream body;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CountDownLatch subscribed = new CountDownLatch(1);

    private Feed(InputStream body) {
      this.body = body;
      Thread reader = new Thread(this::read, "sse-reader");
      reader.setDaemon(true);
      reader.start();
    }

    static Feed open(String token, String ws, String lastEventId) throws Exception {
      HttpResponse<InputStream> response =
          HTTP.send(request(token, ws, lastEventId), HttpResponse.BodyHandlers.ofInputStream());
      assertEquals(200, response.statusCode());
      assertTrue(
          response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
      Feed feed = new Feed(response.body());
      feed.awaitSubscribed();
      return feed;
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

    Event next() throws InterruptedException {
      Event event = events.poll(10, TimeUnit.SECONDS);
      assertFalse(event == null, "an event arrives within 10 s");
      return event;
    }

    @Override
    public void close() throws IOException {
      body.close();
    }
  }
}
