package io.steward.it;

import static io.steward.it.support.Steward.errorCode;
import static io.steward.it.support.Steward.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.steward.it.support.Knowledge;
import io.steward.it.support.Records.Team;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Passages embedded by another model (as after a change of embedding model) are embedded again with
 * the current one. Only the PostgreSQL run can make such passages: the test writes them behind the
 * application's back, which the embedded H2 file does not allow.
 */
class KnowledgeReembeddingIT {

  private static final String PG_URL =
      System.getProperty(
          "steward.it.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/steward_it");
  private static final String REEMBED = "mutation($ws: ID!) { reembedKnowledge(workspaceId: $ws) }";

  @Test
  void should_embed_again_passages_of_another_model() throws Exception {
    Team team = Team.create("Re-embedding");
    String id =
        Knowledge.ingestText(team, "tapir.txt", "The tapir sleeps by day and forages at night.")
            .getString("id");
    assertEquals(0, reembed(team), "the current model embedded everything");
    assertEquals("FORBIDDEN", errorCode(team.member(), REEMBED, Map.of("ws", team.ws())));

    assumeTrue("postgresql".equals(System.getProperty("steward.db")), "needs the PostgreSQL run");
    try (Connection db = DriverManager.getConnection(PG_URL, "postgres", "")) {
      execute(
          db,
          "update knowledge_chunk set embedding_model = 'an-older-model',"
              + " embedding = array_fill(0::real, array[384]) where document_id = ?",
          id);
      assertEquals(1, reembed(team));
      for (int attempt = 0; attempt < 100 && outdated(db, id) > 0; attempt++) {
        Thread.sleep(200);
      }
      assertEquals(0, outdated(db, id), "re-embedded in the background");
      assertEquals(0, reembed(team));
      try (PreparedStatement first =
          db.prepareStatement("select embedding[1] from knowledge_chunk where document_id = ?")) {
        first.setObject(1, UUID.fromString(id));
        try (ResultSet vector = first.executeQuery()) {
          vector.next();
          assertNotEquals(0f, vector.getFloat(1), "a real vector again");
        }
      }
    }
    assertEquals(
        1,
        ok(
                team.viewer(),
                "query($ws: ID!) { searchKnowledge(workspaceId: $ws, query: \"nocturnal animal\","
                    + " mode: VECTOR, first: 1) { totalCount } }",
                Map.of("ws", team.ws()))
            .getInt("data.searchKnowledge.totalCount"));
  }

  private static int reembed(Team team) {
    return ok(team.owner(), REEMBED, Map.of("ws", team.ws())).getInt("data.reembedKnowledge");
  }

  private static int outdated(Connection db, String document) throws SQLException {
    try (PreparedStatement count =
        db.prepareStatement(
            "select count(*) from knowledge_chunk where document_id = ?"
                + " and embedding_model <> 'all-minilm-l6-v2-q'")) {
      count.setObject(1, UUID.fromString(document));
      try (ResultSet result = count.executeQuery()) {
        result.next();
        return result.getInt(1);
      }
    }
  }

  private static void execute(Connection db, String sql, String document) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setObject(1, UUID.fromString(document));
      statement.executeUpdate();
    }
  }
}
