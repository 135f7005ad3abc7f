package io.steward.it.support;

import static io.steward.it.support.Steward.as;
import static io.steward.it.support.Steward.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.steward.it.support.Records.Team;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Puts documents into a workspace's knowledge base for tests and waits for their ingestion. */
public final class Knowledge {

  private Knowledge() {}

  /** Uploads a file that must be accepted (202); answers the new document. */
  public static JsonPath upload(String token, String ws, String fileName, byte[] bytes) {
    Response response = uploadResponse(token, ws, fileName, bytes);
    assertEquals(202, response.statusCode(), response.asString());
    return response.jsonPath();
  }

  /** Uploads a text file and answers the new document's id. */
  public static String uploadText(String token, String ws, String fileName, String text) {
    return upload(token, ws, fileName, text.getBytes(StandardCharsets.UTF_8)).getString("id");
  }

  /** Uploads a file; answers the response whatever its status. */
  public static Response uploadResponse(String token, String ws, String fileName, byte[] bytes) {
    return as(token)
        .multiPart("file", fileName, bytes)
        .post("/api/workspaces/{ws}/knowledge/documents", ws);
  }

  /** Uploads a text file as a member and waits until it is searchable; answers the document. */
  public static JsonPath ingestText(Team team, String fileName, String text) {
    JsonPath document = awaitIngested(team, uploadText(team.member(), team.ws(), fileName, text));
    assertEquals("READY", document.getString("status"), document.prettify());
    return document;
  }

  /** Polls the document until its ingestion ended, as a front end would. */
  public static JsonPath awaitIngested(Team team, String id) {
    for (int attempt = 0; attempt < 120; attempt++) {
      JsonPath document =
          ok(
                  team.viewer(),
                  "query($ws: ID!, $id: ID!) { knowledgeDocument(workspaceId: $ws, id: $id) {"
                      + " id status failure chunksDone chunksTotal } }",
                  Map.of("ws", team.ws(), "id", id))
              .setRootPath("data.knowledgeDocument");
      String status = document.getString("status");
      if (status.equals("READY") || status.equals("FAILED")) {
        return document;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("document " + id + " was not ingested within 30 s");
  }
}
