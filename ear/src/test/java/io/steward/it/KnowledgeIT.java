package io.steward.it;

import static io.steward.it.support.Knowledge.upload;
import static io.steward.it.support.Knowledge.uploadResponse;
import static io.steward.it.support.Steward.as;
import static io.steward.it.support.Steward.errorCode;
import static io.steward.it.support.Steward.ok;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.steward.it.support.Fixtures;
import io.steward.it.support.Knowledge;
import io.steward.it.support.Records.Team;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The knowledge base: uploads of every supported format are ingested in the background into
 * searchable passages with citations; bad files fail with a reason and leave nothing indexed; a
 * workspace never sees another's passages.
 */
class KnowledgeIT {

  private static final String SEARCH =
      "query($ws: ID!, $q: String!) { searchKnowledge(workspaceId: $ws, query: $q, mode: FULLTEXT) { totalCount"
          + " hits { text highlights score citation { documentId title section page url } } } }";

  private static Team team;

  @BeforeAll
  static void team() {
    team = Team.create("Knowledge");
  }

  @Test
  void should_ingest_every_supported_format_keeping_its_structure() throws Exception {
    Map<String, byte[]> files =
        Map.of(
            "handbook.md",
                "# Onboarding\n\nNew hires get a laptop.\n\n## Holidays\n\nEveryone has 28 days of leave, the wombat rule.\n"
                    .getBytes(StandardCharsets.UTF_8),
            "notes.txt",
                "Plain notes.\n\nThe kestrel project starts in May."
                    .getBytes(StandardCharsets.UTF_8),
            "prices.csv",
                "product,price\nWidget,10 EUR\nGizmo,25 EUR the platypus edition\n"
                    .getBytes(StandardCharsets.UTF_8),
            "page.html",
                "<html><head><title>Site</title></head><body><h1>Support</h1><p>Call the narwhal hotline.</p></body></html>"
                    .getBytes(StandardCharsets.UTF_8),
            "sheet.pdf",
                Fixtures.pdf("First page says hello.", "Second page mentions the axolotl."),
            "memo.docx", Fixtures.docx("Memo", "The quokka budget was approved."));
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      String id = upload(team.member(), team.ws(), file.getKey(), file.getValue()).getString("id");
      JsonPath ingested = awaitIngested(id);
      assertEquals(
          "READY", ingested.getString("status"), file.getKey() + ": " + ingested.get("failure"));
    }
    assertCited("wombat", "handbook.md", "Holidays", null);
    assertCited("kestrel", "notes.txt", null, null);
    assertCited("platypus", "prices.csv", "Row 2", null);
    assertCited("narwhal", "page.html", "Support", null);
    assertCited("axolotl", "sheet.pdf", null, 2);
    assertCited("quokka", "memo.docx", "Memo", null);
  }

  @Test
  void should_find_words_by_their_stem_and_mark_them() {
    String id =
        upload(
                team.member(),
                team.ws(),
                "returns.md",
                "# Returns\n\nCustomers returning goods get refunds."
                    .getBytes(StandardCharsets.UTF_8))
            .getString("id");
    awaitIngested(id);
    JsonPath found =
        ok(team.viewer(), SEARCH, Map.of("ws", team.ws(), "q", "refund for returned goods"));
    assertTrue(found.getInt("data.searchKnowledge.totalCount") >= 1);
    assertTrue(
        found
            .getString("data.searchKnowledge.hits[0].highlights[0]")
            .contains("<mark>returning</mark>"),
        found.prettify());
    assertEquals(
        "/api/workspaces/" + team.ws() + "/knowledge/documents/" + id + "/content",
        found.getString("data.searchKnowledge.hits[0].citation.url"));
    as(team.viewer())
        .get(found.getString("data.searchKnowledge.hits[0].citation.url"))
        .then()
        .statusCode(200)
        .body(equalTo("# Returns\n\nCustomers returning goods get refunds."));
  }

  @Test
  void should_answer_the_existing_document_when_the_same_content_comes_again() {
    byte[] bytes = "Same bytes, twice.".getBytes(StandardCharsets.UTF_8);
    String first = upload(team.member(), team.ws(), "a.txt", bytes).getString("id");
    Response again = uploadResponse(team.member(), team.ws(), "b.txt", bytes);
    assertEquals(200, again.statusCode());
    assertEquals(first, again.jsonPath().getString("id"));
  }

  @Test
  void should_fail_unreadable_files_with_a_reason_and_index_nothing() throws Exception {
    assertFails(
        "broken.pdf",
        "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage".getBytes(StandardCharsets.UTF_8),
        "damaged");
    assertFails("locked.pdf", Fixtures.encryptedPdf(), "encrypted");
    assertFails("bad.csv", "a,b\n\"unclosed,2\n".getBytes(StandardCharsets.UTF_8), "CSV");
    assertFails("blank.md", "\n\n   \n".getBytes(StandardCharsets.UTF_8), "no text");
    assertFails("bomb.docx", Fixtures.zipBomb(), "zip bomb");
    as(null).get("/health/ready").then().statusCode(200);
  }

  @Test
  void should_refuse_empty_unsupported_and_oversized_uploads() {
    Response empty = uploadResponse(team.member(), team.ws(), "empty.txt", new byte[0]);
    assertEquals(400, empty.statusCode());
    assertEquals("file", empty.jsonPath().getString("field"));
    Response image =
        uploadResponse(
            team.member(),
            team.ws(),
            "picture.png",
            new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
    assertEquals(400, image.statusCode());
    assertEquals("VALIDATION", image.jsonPath().getString("code"));
    Response huge =
        uploadResponse(team.member(), team.ws(), "huge.txt", new byte[10 * 1024 * 1024 + 1]);
    assertEquals(413, huge.statusCode());
    assertEquals("QUOTA_EXCEEDED", huge.jsonPath().getString("code"));
    assertEquals(
        403,
        uploadResponse(team.viewer(), team.ws(), "viewer.txt", "x".getBytes(StandardCharsets.UTF_8))
            .statusCode(),
        "viewers do not upload");
  }

  @Test
  void should_never_show_one_workspace_the_passages_of_another() {
    Team other = Team.create("Other knowledge");
    String secret = "The zebrafish merger closes on Friday.";
    String theirs =
        upload(other.member(), other.ws(), "secret.txt", secret.getBytes(StandardCharsets.UTF_8))
            .getString("id");
    Knowledge.awaitIngested(other, theirs);
    assertEquals(
        1,
        ok(other.viewer(), SEARCH, Map.of("ws", other.ws(), "q", secret))
            .getInt("data.searchKnowledge.totalCount"));
    assertEquals(
        0,
        ok(team.viewer(), SEARCH, Map.of("ws", team.ws(), "q", secret))
            .getInt("data.searchKnowledge.totalCount"));
    for (String mode : List.of("VECTOR", "HYBRID")) {
      List<String> documents =
          ok(
                  team.viewer(),
                  "query($ws: ID!, $q: String!, $m: KnowledgeSearchMode) { searchKnowledge("
                      + "workspaceId: $ws, query: $q, mode: $m, first: 50) { hits { citation {"
                      + " documentId } } } }",
                  Map.of("ws", team.ws(), "q", secret, "m", mode))
              .getList("data.searchKnowledge.hits.citation.documentId");
      assertTrue(!documents.contains(theirs), mode + " search stays in the workspace");
    }
    as(team.member())
        .get("/api/workspaces/{ws}/knowledge/documents/{id}/content", team.ws(), theirs)
        .then()
        .statusCode(404)
        .body("code", equalTo("NOT_FOUND"));
    assertEquals(
        403,
        uploadResponse(
                team.member(), other.ws(), "intruder.txt", "x".getBytes(StandardCharsets.UTF_8))
            .statusCode());
  }

  @Test
  void should_delete_a_document_with_its_passages_and_reindex_the_rest() {
    String keep =
        upload(
                team.member(),
                team.ws(),
                "keep.txt",
                "The pangolin stays.".getBytes(StandardCharsets.UTF_8))
            .getString("id");
    String drop =
        upload(
                team.member(),
                team.ws(),
                "drop.txt",
                "The pangolin leaves.".getBytes(StandardCharsets.UTF_8))
            .getString("id");
    awaitIngested(keep);
    awaitIngested(drop);
    assertEquals(2, count("pangolin"));
    String delete =
        "mutation($ws: ID!, $id: ID!) { deleteKnowledgeDocument(workspaceId: $ws, id: $id) }";
    assertEquals(
        "FORBIDDEN", errorCode(team.viewer(), delete, Map.of("ws", team.ws(), "id", drop)));
    ok(team.member(), delete, Map.of("ws", team.ws(), "id", drop));
    assertEquals(1, count("pangolin"), "the deleted document's passages left the index with it");

    String reindex = "mutation($ws: ID!) { reindexKnowledge(workspaceId: $ws) }";
    assertEquals("FORBIDDEN", errorCode(team.member(), reindex, Map.of("ws", team.ws())));
    assertTrue(
        ok(team.owner(), reindex, Map.of("ws", team.ws())).getInt("data.reindexKnowledge") >= 1);
    assertEquals(1, count("pangolin"), "re-indexing keeps what the database holds");
  }

  @Test
  void should_narrow_searches_to_tags_given_at_upload_and_changed_later() {
    Response tagged =
        as(team.member())
            .multiPart(
                "file",
                "tariff.txt",
                "The quetzal tariff applies in spring.".getBytes(StandardCharsets.UTF_8))
            .multiPart("tags", "Pricing, EU")
            .post("/api/workspaces/{ws}/knowledge/documents", team.ws());
    assertEquals(202, tagged.statusCode(), tagged.asString());
    assertEquals(List.of("eu", "pricing"), tagged.jsonPath().getList("tags"));
    String id = tagged.jsonPath().getString("id");
    String untagged =
        upload(
                team.member(),
                team.ws(),
                "notes.txt",
                "Quetzal notes without tags.".getBytes(StandardCharsets.UTF_8))
            .getString("id");
    awaitIngested(id);
    awaitIngested(untagged);

    assertEquals(List.of(id), documentsFound("quetzal", List.of("pricing")));
    assertEquals(2, documentsFound("quetzal", null).size());

    String retag =
        "mutation($ws: ID!, $id: ID!, $tags: [String!]!) {"
            + " tagKnowledgeDocument(workspaceId: $ws, id: $id, tags: $tags) { tags } }";
    assertEquals(
        List.of("archive"),
        ok(team.member(), retag, Map.of("ws", team.ws(), "id", id, "tags", List.of(" Archive ")))
            .getList("data.tagKnowledgeDocument.tags"));
    assertEquals(List.of(), documentsFound("quetzal", List.of("pricing")));
    assertEquals(List.of(id), documentsFound("quetzal", List.of("archive", "other")));

    assertEquals(
        "VALIDATION",
        errorCode(
            team.member(), retag, Map.of("ws", team.ws(), "id", id, "tags", List.of("<b>x</b>"))));
    assertEquals(
        "FORBIDDEN",
        errorCode(team.viewer(), retag, Map.of("ws", team.ws(), "id", id, "tags", List.of("x"))));
  }

  /** The documents whose passages a hybrid search finds, narrowed to tags when given. */
  private static List<String> documentsFound(String query, List<String> tags) {
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("ws", team.ws());
    variables.put("q", query);
    variables.put("tags", tags);
    return ok(
            team.viewer(),
            "query($ws: ID!, $q: String!, $tags: [String]) { searchKnowledge(workspaceId: $ws,"
                + " query: $q, mode: FULLTEXT, filter: {tags: $tags}) { hits { citation { documentId } } } }",
            variables)
        .getList("data.searchKnowledge.hits.citation.documentId", String.class)
        .stream()
        .distinct()
        .toList();
  }

  private static int count(String query) {
    return ok(team.viewer(), SEARCH, Map.of("ws", team.ws(), "q", query))
        .getInt("data.searchKnowledge.totalCount");
  }

  private static void assertCited(String word, String title, String section, Integer page) {
    JsonPath found = ok(team.viewer(), SEARCH, Map.of("ws", team.ws(), "q", word));
    assertEquals(
        1, found.getInt("data.searchKnowledge.totalCount"), word + ": " + found.prettify());
    assertEquals(title, found.getString("data.searchKnowledge.hits[0].citation.title"));
    if (section != null) {
      assertEquals(section, found.getString("data.searchKnowledge.hits[0].citation.section"), word);
    }
    if (page != null) {
      assertEquals(page, found.getInt("data.searchKnowledge.hits[0].citation.page"), word);
    }
  }

  private static void assertFails(String fileName, byte[] bytes, String reason) {
    JsonPath uploaded = upload(team.member(), team.ws(), fileName, bytes);
    JsonPath failed = awaitIngested(uploaded.getString("id"));
    assertEquals("FAILED", failed.getString("status"), fileName);
    assertTrue(
        failed.getString("failure").contains(reason),
        fileName + ": " + failed.getString("failure"));
    assertEquals(0, failed.getInt("chunksDone"));
  }

  private static JsonPath awaitIngested(String id) {
    return Knowledge.awaitIngested(team, id);
  }
}
