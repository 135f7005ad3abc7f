package io.steward.it;

import static io.steward.it.support.Steward.ACME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.steward.it.support.AgentRuns;
import io.steward.it.support.RawHttp;
import io.steward.it.support.Records.Team;
import io.steward.it.support.Steward;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Request bodies are bounded before they are read: a body whose length is over the limit is refused
 * at once, one without a length (chunked) at the first byte over it — 413 {@code QUOTA_EXCEEDED}
 * fast, the server's heap untouched. Uploads stream to a temporary file that is deleted afterwards;
 * a download's file name cannot break its header; JSON nested too deep is a validation error.
 */
class RequestLimitsIT {

  private static final int MB = 1024 * 1024;

  /** The defaults: 1 MB for GraphQL and JSON, 8 MB for starting runs, 10 MB per file. */
  private static final int MAX_BODY = MB;

  private static final int MAX_RUN_BODY = 8 * MB;
  private static final long MAX_FILE = 10L * MB;
  private static final Duration FAST = Duration.ofSeconds(2);
  private static final String BOUNDARY = "steward-it-boundary";

  private static String alice;
  private static Team team;

  @BeforeAll
  static void signIn() {
    alice = Steward.tokenFor("alice");
    team = Team.create("Request limits");
  }

  @Test
  void should_refuse_20_mb_graphql_bodies_by_their_length_fast_without_growing_the_heap()
      throws Exception {
    long heapBefore = usedHeap();
    for (int i = 0; i < 3; i++) {
      long started = System.nanoTime();
      RawHttp.Answer answer = postWhileSending("/graphql", 20 * MB, false);
      assertFast(started);
      assertEquals(413, answer.status(), answer.body());
      assertEquals("QUOTA_EXCEEDED", answer.json().getString("errors[0].extensions.code"));
    }
    assertHeapGrewLessThan(heapBefore, 100L * MB);
    Steward.ok(alice, "{ me { id } }", Map.of());
  }

  @Test
  void should_stop_reading_chunked_graphql_bodies_at_the_limit() throws Exception {
    long heapBefore = usedHeap();
    for (int i = 0; i < 3; i++) {
      long started = System.nanoTime();
      RawHttp.Answer answer = postWhileSending("/graphql", 20 * MB, true);
      assertFast(started);
      assertEquals(413, answer.status(), answer.body());
      assertEquals("QUOTA_EXCEEDED", answer.json().getString("errors[0].extensions.code"));
    }
    assertHeapGrewLessThan(heapBefore, 100L * MB);
  }

  @Test
  void should_accept_graphql_bodies_up_to_the_limit() {
    // A field GraphQL does not read fills the body up to just below the limit.
    Response answer =
        Steward.as(alice)
            .contentType("application/json")
            .body(Map.of("query", "{ me { id } }", "padding", "x".repeat(MAX_BODY - 100)))
            .post("/graphql");
    assertEquals(200, answer.statusCode(), answer.asString());
    assertTrue(answer.jsonPath().getString("data.me.id") != null);
  }

  @Test
  void should_give_runs_a_larger_limit_than_other_json() throws Exception {
    String runs = AgentRuns.runsPath(ACME, null);
    // 2 MB: over the JSON limit, within the runs' one; read whole, it is just an invalid input.
    String within = "{\"messages\": [], \"padding\": \"" + "x".repeat(2 * MB) + "\"}";
    Response read = Steward.as(alice).contentType("application/json").body(within).post(runs);
    assertEquals(400, read.statusCode(), read.asString());
    assertEquals("VALIDATION", read.jsonPath().getString("code"));

    for (boolean chunked : new boolean[] {false, true}) {
      long started = System.nanoTime();
      RawHttp.Answer refused = postWhileSending(runs, MAX_RUN_BODY + MB, chunked);
      assertFast(started);
      assertEquals(413, refused.status(), refused.body());
      assertTrue(refused.headers().get("content-type").startsWith("application/problem+json"));
      assertEquals("QUOTA_EXCEEDED", refused.json().getString("code"));
    }

    long started = System.nanoTime();
    RawHttp.Answer cancel = postWhileSending(runs + "/some-run/cancel", MAX_BODY + 1, false);
    assertFast(started);
    assertEquals(413, cancel.status(), cancel.body());
  }

  @Test
  void should_refuse_json_nested_too_deep_as_invalid_input() {
    for (int depth : new int[] {101, 1_000, 100_000}) {
      String nested = "[".repeat(depth) + "]".repeat(depth);
      Response refused =
          Steward.as(alice)
              .contentType("application/json")
              .body("{\"threadId\": \"t\", \"runId\": \"r\", \"messages\": " + nested + "}")
              .post(AgentRuns.runsPath(ACME, null));
      assertEquals(400, refused.statusCode(), depth + ": " + refused.asString());
      assertEquals("VALIDATION", refused.jsonPath().getString("code"));
      assertEquals("body", refused.jsonPath().getString("field"));
    }
  }

  @Test
  void should_answer_an_upload_announcing_too_many_bytes_before_any_is_sent() throws Exception {
    try (RawHttp connection = RawHttp.connect()) {
      long started = System.nanoTime();
      startUpload(
          connection,
          "upload-" + UUID.randomUUID(),
          "Content-Length",
          Long.toString(10L * 1024 * MB));
      RawHttp.Answer answer = connection.answer();
      assertFast(started);
      assertEquals(413, answer.status(), answer.body());
      assertEquals("QUOTA_EXCEEDED", answer.json().getString("code"));
    }
  }

  @Test
  void should_stream_an_upload_to_a_temporary_file_and_delete_it_afterwards() throws Exception {
    String requestId = "upload-" + UUID.randomUUID();
    byte[] text = "The pelican clause applies. ".repeat(100_000).getBytes(StandardCharsets.UTF_8);
    byte[][] form = multipart("pelican.txt");
    try (RawHttp connection = RawHttp.connect()) {
      startUpload(
          connection,
          requestId,
          "Content-Length",
          Integer.toString(form[0].length + text.length + form[1].length));
      connection.send(form[0]);
      connection.send(Arrays.copyOf(text, text.length / 2));

      Path received = awaitUploadFile(requestId, text.length / 4);

      connection.send(Arrays.copyOfRange(text, text.length / 2, text.length));
      connection.send(form[1]);
      RawHttp.Answer answer = connection.answer();
      assertEquals(202, answer.status(), answer.body());
      assertEquals(text.length, answer.json().getLong("sizeBytes"));
      assertFalse(Files.exists(received), "the temporary file is deleted");
    }
  }

  @Test
  void should_stop_reading_a_chunked_upload_at_the_file_limit() throws Exception {
    String requestId = "upload-" + UUID.randomUUID();
    byte[][] form = multipart("huge.txt");
    try (RawHttp connection = RawHttp.connect()) {
      startUpload(connection, requestId, "Transfer-Encoding", "chunked");
      long started = System.nanoTime();
      connection.sendMeanwhile(
          writing -> {
            writing.chunk(form[0]);
            byte[] piece = new byte[64 * 1024];
            Arrays.fill(piece, (byte) 'a');
            for (long sent = 0; sent < 4 * MAX_FILE; sent += piece.length) {
              writing.chunk(piece);
            }
          });
      RawHttp.Answer answer = connection.answer();
      assertTrue(
          Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(20)) < 0,
          "refused once the limit was read, not after the whole body");
      assertEquals(413, answer.status(), answer.body());
      assertEquals("QUOTA_EXCEEDED", answer.json().getString("code"));
    }
    assertEquals(List.of(), uploadFiles(requestId), "no temporary file is left");
  }

  @Test
  void should_name_downloads_in_a_header_no_file_name_can_break() throws Exception {
    // č and Ċ end in the bytes of CR and LF: a header written char by char would break there.
    String name = "report\u010d\u010aX-Injected: yes.txt";
    String encoded = "report%C4%8D%C4%8AX-Injected%3A%20yes.txt";
    HttpResponse<String> upload = uploadNamed("filename*=UTF-8''" + encoded);
    assertEquals(202, upload.statusCode(), upload.body());
    String id = new JsonPath(upload.body()).getString("id");

    try (RawHttp connection = RawHttp.connect()) {
      connection.head(
          "GET",
          "/api/workspaces/" + team.ws() + "/knowledge/documents/" + id + "/content",
          Map.of("Authorization", "Bearer " + team.member(), "Connection", "close"));
      RawHttp.Answer download = connection.answer();
      assertEquals(200, download.status(), download.body());
      assertFalse(download.headers().containsKey("x-injected"), download.headers().toString());
      String disposition = download.headers().get("content-disposition");
      assertEquals(
          "attachment; filename=\"report__X-Injected: yes.txt\"; filename*=UTF-8''" + encoded,
          disposition);
      assertEquals(
          name,
          URLDecoder.decode(
              disposition.substring(disposition.indexOf("''") + 2), StandardCharsets.UTF_8));
    }

    HttpResponse<String> lineBreak = uploadNamed("filename*=UTF-8''a%0D%0AX-Injected%3A%20yes.txt");
    assertEquals(400, lineBreak.statusCode(), "names with line breaks are not taken at all");
  }

  /** Uploads a small text file with the given file name parameter (RFC 7578 / 2231). */
  private static HttpResponse<String> uploadNamed(String fileNameParameter) throws Exception {
    String form =
        "--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\"file\"; "
            + fileNameParameter
            + "\r\nContent-Type: text/plain\r\n\r\nReport "
            + UUID.randomUUID()
            + "\r\n--"
            + BOUNDARY
            + "--\r\n";
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create(
                        Steward.URL + "/api/workspaces/" + team.ws() + "/knowledge/documents"))
                .header("Authorization", "Bearer " + team.member())
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** The multipart form around a file part: what comes before its bytes, and after. */
  private static byte[][] multipart(String fileName) {
    String before =
        "--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nStreamed\r\n--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: text/plain\r\n\r\n";
    String after = "\r\n--" + BOUNDARY + "--\r\n";
    return new byte[][] {
      before.getBytes(StandardCharsets.UTF_8), after.getBytes(StandardCharsets.UTF_8)
    };
  }

  /** Sends the head of a knowledge upload by a member, framed by length or chunked. */
  private void startUpload(RawHttp connection, String requestId, String framing, String value)
      throws IOException {
    connection.head(
        "POST",
        "/api/workspaces/" + team.ws() + "/knowledge/documents",
        Map.of(
            "Authorization",
            "Bearer " + team.member(),
            "X-Request-Id",
            requestId,
            "Content-Type",
            "multipart/form-data; boundary=" + BOUNDARY,
            framing,
            value));
  }

  /** POSTs a body of {@code size} bytes, sent while the answer is read, and answers it. */
  private RawHttp.Answer postWhileSending(String path, long size, boolean chunked)
      throws IOException {
    try (RawHttp connection = RawHttp.connect()) {
      connection.head(
          "POST",
          path,
          chunked
              ? Map.of(
                  "Authorization", "Bearer " + alice,
                  "Content-Type", "application/json",
                  "Transfer-Encoding", "chunked")
              : Map.of(
                  "Authorization",
                  "Bearer " + alice,
                  "Content-Type",
                  "application/json",
                  "Content-Length",
                  Long.toString(size)));
      connection.sendMeanwhile(
          writing -> {
            byte[] piece = new byte[64 * 1024];
            Arrays.fill(piece, (byte) ' ');
            for (long sent = 0; sent < size; sent += piece.length) {
              if (chunked) {
                writing.chunk(piece);
              } else {
                writing.send(piece);
              }
            }
          });
      return connection.answer();
    }
  }

  private static Path awaitUploadFile(String requestId, long atLeast) throws Exception {
    for (int attempt = 0; attempt < 100; attempt++) {
      for (Path file : uploadFiles(requestId)) {
        if (Files.size(file) >= atLeast) {
          return file;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no temporary file of the upload " + requestId + " appeared");
  }

  /** The server's temporary files of one upload (the server runs on this machine). */
  private static List<Path> uploadFiles(String requestId) throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files
          .filter(file -> file.getFileName().toString().startsWith("steward-upload-" + requestId))
          .toList();
    }
  }

  private static long usedHeap() {
    String metrics = Steward.as(null).get("/metrics").asString();
    return metrics
        .lines()
        .filter(line -> line.startsWith("memory_usedHeap_bytes"))
        .map(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow();
  }

  private static void assertHeapGrewLessThan(long before, long bytes) {
    long after = usedHeap();
    assertTrue(
        after - before < bytes,
        "used heap grew from " + before / MB + " MB to " + after / MB + " MB");
  }

  private static void assertFast(long startedNanos) {
    Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
    assertTrue(took.compareTo(FAST) < 0, "took " + took.toMillis() + " ms");
  }
}
