package io.steward.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;
import io.steward.it.support.Steward;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Logs are JSON, one line per API request carrying the request id the client saw; traces leave the
 * server through OpenTelemetry with service name {@code steward}. The test environment points the
 * OTLP exporter at {@code steward.it.otlp.port}, where this test listens.
 */
class ObservabilityIT {

  private static final Path SERVER_LOG =
      Path.of(System.getenv("STEWARD_DATA"), "payara", "domains", "steward", "logs", "server.log");

  @Test
  void should_log_each_request_as_json_with_its_request_id() throws Exception {
    String requestId = "obs-" + UUID.randomUUID();
    Steward.as(Steward.tokenFor("bob"))
        .header("X-Request-Id", requestId)
        .get("/api/me")
        .then()
        .statusCode(200)
        .header("X-Request-Id", requestId);

    JsonPath line = JsonPath.from(logLineContaining(requestId));
    assertEquals(requestId, line.getString("requestId"));
    assertEquals("/api/me", line.getString("path"));
    assertEquals("200", line.getString("status"));
    assertEquals("GET", line.getString("httpMethod"));
  }

  @Test
  void should_export_traces_of_api_requests_under_the_steward_service_name() throws Exception {
    int port = Integer.getInteger("steward.it.otlp.port", 9099);
    LinkedBlockingQueue<byte[]> exports = new LinkedBlockingQueue<>();
    HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    collector.createContext(
        "/v1/traces",
        exchange -> {
          exports.add(exchange.getRequestBody().readAllBytes());
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    collector.start();
    try {
      String token = Steward.tokenFor("bob");
      long deadline = System.currentTimeMillis() + 20_000;
      while (System.currentTimeMillis() < deadline) {
        Steward.as(token).get("/api/me").then().statusCode(200);
        byte[] export = exports.poll(1, TimeUnit.SECONDS);
        // OTLP/protobuf keeps strings as UTF-8 bytes: the resource's service.name and the route.
        if (export != null) {
          String text = new String(export, StandardCharsets.ISO_8859_1);
          if (text.contains("steward") && text.contains("/api/me")) {
            return;
          }
        }
      }
      throw new AssertionError("no OTLP trace export naming service steward and /api/me arrived");
    } finally {
      collector.stop(0);
    }
  }

  private static String logLineContaining(String text) throws Exception {
    for (int attempt = 0; attempt < 50; attempt++) {
      List<String> lines = Files.readAllLines(SERVER_LOG, StandardCharsets.UTF_8);
      Optional<String> line = lines.stream().filter(l -> l.contains(text)).findFirst();
      if (line.isPresent()) {
        return line.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no log line with " + text + " in " + SERVER_LOG);
  }
}
