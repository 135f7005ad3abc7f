package io.steward.it;

import static io.restassured.RestAssured.given;
import static io.steward.it.support.Steward.ok;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.steward.it.support.Knowledge;
import io.steward.it.support.Records.Team;
import io.steward.it.support.Steward;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Passages are indexed where the installation says: in the Lucene directory under the data
 * directory (the H2 run, the embedded default), or in an Elasticsearch/OpenSearch cluster (the
 * PostgreSQL run, which uses a real OpenSearch node as a clustered installation would). Every other
 * knowledge test runs on both, so search, highlights, filters, deletion and re-indexing are checked
 * on each backend.
 */
class KnowledgeIndexBackendIT {

  /** The search cluster's URL on the run that uses one; absent on the Lucene run. */
  private static final String SEARCH_URL = System.getProperty("steward.it.search.url", "");

  private static final Path LUCENE_INDEX = Path.of(System.getenv("STEWARD_DATA"), "index");

  @Test
  void should_index_passages_in_the_configured_backend_and_report_it_ready() throws IOException {
    Team team = Team.create("Index backend");
    JsonPath document =
        Knowledge.ingestText(team, "okapi.txt", "The okapi is a forest giraffe of the Congo.");

    if (SEARCH_URL.isEmpty()) {
      assertTrue(Files.isDirectory(LUCENE_INDEX), "the Lucene index is in the data directory");
      try (Stream<Path> files = Files.walk(LUCENE_INDEX)) {
        assertTrue(files.anyMatch(Files::isRegularFile), "and holds index files");
      }
    } else {
      assertFalse(Files.exists(LUCENE_INDEX), "no Lucene index beside the cluster");
      int inCluster =
          given()
              .baseUri(SEARCH_URL)
              .contentType(ContentType.JSON)
              .body(Map.of("query", Map.of("term", Map.of("workspaceId", team.ws()))))
              .post("/_count")
              .then()
              .statusCode(200)
              .extract()
              .path("count");
      assertEquals(document.getInt("chunksTotal"), inCluster, "the cluster holds the passages");
    }

    JsonPath found =
        ok(
            team.viewer(),
            "query($ws: ID!) { searchKnowledge(workspaceId: $ws, query: \"forest giraffes\","
                + " mode: FULLTEXT) { hits { highlights } } }",
            Map.of("ws", team.ws()));
    assertEquals(
        "The okapi is a <mark>forest</mark> <mark>giraffe</mark> of the Congo.",
        found.getString("data.searchKnowledge.hits[0].highlights[0]"),
        "stemmed words are found and marked");
    given()
        .baseUri(Steward.URL)
        .get("/health/ready")
        .then()
        .statusCode(200)
        .body("checks.find { it.name == 'knowledge-index' }.status", equalTo("UP"));
  }
}
