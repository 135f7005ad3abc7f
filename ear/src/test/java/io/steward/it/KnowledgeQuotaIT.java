package io.steward.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.steward.it.support.Knowledge;
import io.steward.it.support.Records.Team;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The knowledge base's per-workspace limits, which the test environment sets low (40 documents, 300
 * passages; see it-env.sh): beyond them uploads and ingestions answer QUOTA_EXCEEDED.
 */
class KnowledgeQuotaIT {

  @Test
  void should_refuse_documents_beyond_the_workspace_limit() {
    Team team = Team.create("Document quota");
    for (int i = 0; i < 40; i++) {
      Knowledge.upload(team.member(), team.ws(), "note-" + i + ".txt", text("Note number " + i));
    }
    Response refused =
        Knowledge.uploadResponse(team.member(), team.ws(), "one-more.txt", text("One more"));
    assertEquals(413, refused.statusCode(), refused.asString());
    assertEquals("QUOTA_EXCEEDED", refused.jsonPath().getString("code"));
    assertEquals("file", refused.jsonPath().getString("field"));
  }

  @Test
  void should_fail_a_document_whose_passages_would_exceed_the_limit() {
    Team team = Team.create("Passage quota");
    // About 400 chunks of some 1,000 characters: more than the 300 passages allowed.
    StringBuilder handbook = new StringBuilder();
    for (int i = 0; i < 7000; i++) {
      handbook
          .append("Sentence ")
          .append(i)
          .append(" of a very long handbook about nothing much. ");
    }
    String id =
        Knowledge.upload(team.member(), team.ws(), "handbook.txt", text(handbook.toString()))
            .getString("id");
    JsonPath failed = Knowledge.awaitIngested(team, id);
    assertEquals("FAILED", failed.getString("status"));
    assertTrue(failed.getString("failure").contains("300 passages"), failed.getString("failure"));
    assertEquals(0, failed.getInt("chunksDone"), "nothing of it was stored");
  }

  private static byte[] text(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
