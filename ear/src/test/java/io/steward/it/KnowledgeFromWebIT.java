package io.steward.it;

import static io.steward.it.support.Steward.graphql;
import static io.steward.it.support.Steward.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;
import io.steward.it.support.Knowledge;
import io.steward.it.support.Records.Team;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Web pages as knowledge: fetched by the server from a web server this test runs on loopback
 * (allowed for the test environment only), with the address policy refusing internal hosts,
 * including behind redirects, and bounding time.
 */
class KnowledgeFromWebIT {

  private static final String ADD =
      "mutation($ws: ID!, $url: String!) { addKnowledgeFromUrl(workspaceId: $ws, url: $url)"
          + " { id status sourceUrl } }";

  private static HttpServer web;
  private static String base;
  private static Team team;

  @BeforeAll
  static void start() throws IOException {
    web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    web.createContext(
        "/pricing.html",
        exchange ->
            respond(
                exchange,
                200,
                "<html><body><h2>Pricing</h2><p>The ocelot plan costs 9 EUR a month.</p></body></html>"));
    web.createContext(
        "/to-metadata",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
          respond(exchange, 302, "");
        });
    web.createContext(
        "/slow",
        exchange -> {
          try {
            Thread.sleep(6000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          respond(exchange, 200, "<p>too late</p>");
        });
    web.createContext("/missing", exchange -> respond(exchange, 404, "gone"));
    web.start();
    base = "http://127.0.0.1:" + web.getAddress().getPort();
    team = Team.create("Web knowledge");
  }

  @AfterAll
  static void stop() {
    web.stop(0);
  }

  @Test
  void should_fetch_a_page_and_make_it_searchable() {
    JsonPath added = add(base + "/pricing.html");
    assertEquals(base + "/pricing.html", added.getString("sourceUrl"));
    JsonPath ingested = Knowledge.awaitIngested(team, added.getString("id"));
    assertEquals("READY", ingested.getString("status"), ingested.prettify());
    JsonPath found =
        ok(
            team.viewer(),
            "query($ws: ID!) { searchKnowledge(workspaceId: $ws, query: \"ocelot\", mode: FULLTEXT) { totalCount"
                + " hits { citation { section } } } }",
            Map.of("ws", team.ws()));
    assertEquals(1, found.getInt("data.searchKnowledge.totalCount"));
    assertEquals("Pricing", found.getString("data.searchKnowledge.hits[0].citation.section"));
    assertEquals(
        added.getString("id"),
        add(base + "/pricing.html").getString("id"),
        "same address, same document");
  }

  @Test
  void should_fail_pages_that_redirect_inside_time_out_or_are_missing() {
    assertFails(base + "/to-metadata", "internal address");
    assertFails(base + "/slow", "did not answer within 3 seconds");
    assertFails(base + "/missing", "HTTP 404");
    assertFails("http://127.0.0.1:1/nothing", "connection failed");
  }

  @Test
  void should_refuse_internal_and_non_web_addresses_at_once() {
    for (String url :
        new String[] {
          "http://10.1.2.3/", "http://169.254.169.254/", "ftp://example.com/x", "not a url"
        }) {
      Map<String, Object> variables = new HashMap<>(Map.of("ws", team.ws(), "url", url));
      JsonPath refused = graphql(team.member(), ADD, variables).jsonPath();
      assertEquals("VALIDATION", refused.getString("errors[0].extensions.code"), url);
      assertEquals("url", refused.getString("errors[0].extensions.field"), url);
    }
  }

  private static void assertFails(String url, String reason) {
    JsonPath failed = Knowledge.awaitIngested(team, add(url).getString("id"));
    assertEquals("FAILED", failed.getString("status"), url);
    assertTrue(
        failed.getString("failure").contains(reason), url + ": " + failed.getString("failure"));
  }

  private static JsonPath add(String url) {
    return ok(team.member(), ADD, Map.of("ws", team.ws(), "url", url))
        .setRootPath("data.addKnowledgeFromUrl");
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }
}
