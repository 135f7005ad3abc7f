package io.steward.it;

import static io.steward.it.support.Steward.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.steward.it.support.Knowledge;
import io.steward.it.support.Records.Team;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Search quality on a small corpus with known answers. Paraphrase queries share no word with their
 * passage, so full text finds nothing; reference-number queries name a number that one long passage
 * mentions in passing while short invoices carry look-alike numbers, which pulls the vector search
 * off. Hybrid search must answer more of them at rank one than either half.
 */
class KnowledgeSearchQualityIT {

  /** Query → the file whose passage answers it. */
  private static final Map<String, String> QUERIES = new LinkedHashMap<>();

  static {
    QUERIES.put("period for getting a reimbursement on bought products", "refunds.txt");
    QUERIES.put("staff should secure computers before stepping away", "screens.txt");
    QUERIES.put("who arranges rail travel on work journeys", "travel.txt");
    QUERIES.put("88213", "report-north.txt");
    QUERIES.put("61742", "report-south.txt");
    QUERIES.put("50391", "report-east.txt");
  }

  private static final Map<String, String> CORPUS = new LinkedHashMap<>();

  static {
    CORPUS.put(
        "refunds.txt",
        "Customers may return purchased goods within thirty days and receive their money back.");
    CORPUS.put("screens.txt", "Employees must lock their screens when leaving the desk.");
    CORPUS.put(
        "travel.txt", "Train tickets for business trips are booked through the office manager.");
    CORPUS.put("report-north.txt", report("northern", "88213"));
    CORPUS.put("report-south.txt", report("southern", "61742"));
    CORPUS.put("report-east.txt", report("eastern", "50391"));
    for (String number : new String[] {"88231", "88123", "61724", "61472", "50319", "50913"}) {
      CORPUS.put("invoice-" + number + ".txt", "Invoice " + number + " was paid in full.");
    }
  }

  /** A long, many-topic passage that mentions its reference number once. */
  private static String report(String region, String reference) {
    return "The "
        + region
        + " region closed the quarter with steady revenue, two new hires in sales and a"
        + " renovated showroom. Marketing ran a spring campaign on social media, the warehouse"
        + " moved to a new shelving system, and customer satisfaction rose slightly after the"
        + " hotline hours were extended. The board asked for a plan to reduce energy costs and"
        + " to renegotiate the cleaning contract. Minutes are filed under reference "
        + reference
        + " in the archive.";
  }

  private static Team team;

  @BeforeAll
  static void corpus() {
    team = Team.create("Search quality");
    for (Map.Entry<String, String> file : CORPUS.entrySet()) {
      String id =
          Knowledge.upload(
                  team.member(),
                  team.ws(),
                  file.getKey(),
                  file.getValue().getBytes(StandardCharsets.UTF_8))
              .getString("id");
      JsonPath ingested = Knowledge.awaitIngested(team, id);
      assertEquals(
          "READY", ingested.getString("status"), file.getKey() + ": " + ingested.get("failure"));
    }
  }

  @Test
  void should_answer_more_queries_with_hybrid_than_with_either_half() {
    int fulltext = answeredAtRankOne("FULLTEXT");
    int vector = answeredAtRankOne("VECTOR");
    int hybrid = answeredAtRankOne("HYBRID");
    String scores = "fulltext " + fulltext + ", vector " + vector + ", hybrid " + hybrid;
    System.out.println("Queries answered at rank one of " + QUERIES.size() + ": " + scores);
    assertTrue(hybrid > fulltext, scores);
    assertTrue(hybrid > vector, scores);
    assertEquals(QUERIES.size(), hybrid, scores);
  }

  private static int answeredAtRankOne(String mode) {
    int answered = 0;
    for (Map.Entry<String, String> query : QUERIES.entrySet()) {
      List<String> titles =
          ok(
                  team.viewer(),
                  "query($ws: ID!, $q: String!, $m: KnowledgeSearchMode) { searchKnowledge("
                      + "workspaceId: $ws, query: $q, mode: $m, first: 3) { hits { citation {"
                      + " title } } } }",
                  Map.of("ws", team.ws(), "q", query.getKey(), "m", mode))
              .getList("data.searchKnowledge.hits.citation.title");
      if (!titles.isEmpty() && titles.get(0).equals(query.getValue())) {
        answered++;
      }
    }
    return answered;
  }
}
