package io.steward.it;

import static io.steward.it.support.Steward.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.steward.it.support.ChangeFeed;
import io.steward.it.support.Knowledge;
import io.steward.it.support.Records;
import io.steward.it.support.Records.Team;
import io.steward.it.support.Steward;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The live change feed: server-sent events from the outbox, as a browser's EventSource reads them,
 * scoped to the caller's workspace and role, resumable with Last-Event-ID.
 */
// Breaks the database under an open feed for a while, which no other test may see.
@Isolated
class ChangeFeedIT {

  private static Team team;

  @BeforeAll
  static void team() {
    team = Team.create("Feed");
  }

  @Test
  void should_stream_the_changes_of_the_workspace_as_they_happen() throws Exception {
    Team other = Team.create("Elsewhere");
    try (ChangeFeed feed = ChangeFeed.open(team.viewer(), team.ws(), null)) {
      Records.task(other.member(), other.ws(), "Not for this feed");
      String task = Records.task(team.member(), team.ws(), "Announce the launch");
      ok(
          team.member(),
          "mutation($ws: ID!, $id: ID!) { completeTask(workspaceId: $ws, id: $id) { id } }",
          Map.of("ws", team.ws(), "id", task));

      ChangeFeed.Event created = feed.next();
      assertEquals("taskWasCreated", created.data().getString("type"));
      assertEquals(task, created.data().getString("recordId"));
      assertEquals("task", created.data().getString("recordType"));
      assertEquals("Announce the launch", created.data().getString("state.title"));
      assertEquals(created.id(), created.data().getString("id"));
      ChangeFeed.Event completed = feed.next();
      assertEquals("taskWasCompleted", completed.data().getString("type"));
      assertEquals("DONE", completed.data().getString("state.status"));
      assertEquals(1, completed.data().getInt("state.version"));
      assertTrue(Long.parseLong(completed.id()) > Long.parseLong(created.id()));
    }
  }

  @Test
  void should_keep_delivering_after_the_database_was_unreachable() throws Exception {
    try (ChangeFeed feed = ChangeFeed.open(team.viewer(), team.ws(), null)) {
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
    try (ChangeFeed feed = ChangeFeed.open(team.viewer(), team.ws(), null)) {
      Records.note(team.member(), team.ws(), "Seen");
      lastSeen = feed.next().id();
    }
    Records.note(team.member(), team.ws(), "Missed 1");
    Records.note(team.member(), team.ws(), "Missed 2");
    try (ChangeFeed feed = ChangeFeed.open(team.viewer(), team.ws(), lastSeen)) {
      assertEquals("Missed 1", feed.next().data().getString("state.title"));
      assertEquals("Missed 2", feed.next().data().getString("state.title"));
    }
  }

  @Test
  void should_show_membership_changes_to_admins_only() throws Exception {
    Team own = Team.create("Roles");
    try (ChangeFeed owner = ChangeFeed.open(own.owner(), own.ws(), null);
        ChangeFeed viewer = ChangeFeed.open(own.viewer(), own.ws(), null)) {
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
    try (ChangeFeed feed = ChangeFeed.open(team.viewer(), team.ws(), null)) {
      String id =
          Knowledge.uploadText(
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
    HttpResponse<String> outsider = ChangeFeed.refusal(Steward.tokenFor("carol"), team.ws());
    assertEquals(403, outsider.statusCode());
    assertTrue(outsider.body().contains("FORBIDDEN"));
    HttpResponse<String> anonymous = ChangeFeed.refusal(null, team.ws());
    assertEquals(401, anonymous.statusCode());
  }
}
