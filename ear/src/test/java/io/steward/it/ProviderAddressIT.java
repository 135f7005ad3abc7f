package io.steward.it;

import static io.steward.it.support.Steward.graphql;
import static io.steward.it.support.Steward.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.steward.it.support.AgUiStream;
import io.steward.it.support.AgentRuns;
import io.steward.it.support.ModelProviders;
import io.steward.it.support.Records.Team;
import io.steward.it.support.ScriptedModel;
import io.steward.it.support.ScriptedModelServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A workspace's model providers reach only addresses the installation allows: internal addresses
 * (the Payara admin port, cloud metadata, every spelling of loopback) are refused when a provider
 * is saved, and a provider's redirect is never followed, so its key goes nowhere else. The test
 * environment allows exactly the scripted model's {@code 127.0.0.1:port}; a bystander listening on
 * another loopback port proves that nothing connected.
 */
class ProviderAddressIT {

  private static final int ADMIN_PORT = Integer.getInteger("steward.it.admin.port", 9048);
  private static final Duration FAST = Duration.ofSeconds(2);
  private static final String UPDATE =
      "mutation($ws: ID!, $id: ID!, $c: ModelProviderChanges!) {"
          + " updateModelProvider(workspaceId: $ws, id: $id, changes: $c) { baseUrl version } }";
  private static final String TEST =
      "mutation($ws: ID!, $id: ID!) { testModelProvider(workspaceId: $ws, id: $id) {"
          + " ok code message } }";

  @RegisterExtension static final ScriptedModel model = new ScriptedModel();
  private static Bystander bystander;

  /** Accepts connections on a loopback port the policy does not allow, and counts them. */
  private static final class Bystander implements AutoCloseable {
    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();

    Bystander() throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
      Thread accepting =
          new Thread(
              () -> {
                while (!socket.isClosed()) {
                  try (Socket ignored = socket.accept()) {
                    connections.incrementAndGet();
                  } catch (IOException e) {
                    return; // closed
                  }
                }
              },
              "bystander");
      accepting.setDaemon(true);
      accepting.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    int connections() {
      return connections.get();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  @BeforeAll
  static void startBystander() throws IOException {
    bystander = new Bystander();
  }

  @AfterAll
  static void stopBystander() throws IOException {
    bystander.close();
  }

  @Test
  void should_refuse_internal_base_urls_at_once_whatever_their_spelling() {
    Team team = Team.create("Internal providers");
    int port = bystander.port();
    List<String> internal =
        List.of(
            "http://127.0.0.1:" + ADMIN_PORT + "/management/domain",
            "http://169.254.169.254/latest/meta-data/",
            "http://127.0.0.1:" + port + "/v1",
            "http://localhost:" + port + "/v1",
            "http://LOCALHOST.:" + port + "/v1",
            "http://models.localhost:" + port + "/v1",
            "http://0x7f000001:" + port + "/v1",
            "http://2130706433:" + port + "/v1",
            "http://[::1]:" + port + "/v1",
            "http://[::ffff:127.0.0.1]:" + port + "/v1",
            "http://0.0.0.0:" + port + "/v1",
            "https://10.0.0.1/v1");
    for (String url : internal) {
      for (String kind : List.of("OPENAI_COMPATIBLE", "OPENAI", "ANTHROPIC")) {
        Map<String, Object> input =
            ModelProviders.providerInput("Probe", kind, url, "any-model", ModelProviders.newKey());
        long started = System.nanoTime();
        JsonPath refused =
            graphql(team.owner(), ModelProviders.ADD, Map.of("ws", team.ws(), "in", input))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertFast(started, url);
        assertEquals("VALIDATION", refused.getString("errors[0].extensions.code"), url);
        assertEquals("baseUrl", refused.getString("errors[0].extensions.field"), url);
        assertTrue(
            refused.getString("errors[0].message").contains("internal address"),
            refused.prettify());
      }
    }
    assertEquals(
        List.of(),
        ok(
                team.owner(),
                "query($ws: ID!) { modelProviders(workspaceId: $ws) { id } }",
                Map.of("ws", team.ws()))
            .getList("data.modelProviders"),
        "nothing was saved");

    // Nor can an allowed provider be pointed elsewhere afterwards.
    String allowed =
        ModelProviders.addProvider(team, "House", ModelProviders.newKey(), model.baseUrl());
    for (String url : List.of(internal.get(0), internal.get(1), internal.get(3))) {
      long started = System.nanoTime();
      JsonPath refused =
          graphql(
                  team.owner(),
                  UPDATE,
                  Map.of("ws", team.ws(), "id", allowed, "c", Map.of("baseUrl", url)))
              .jsonPath();
      assertFast(started, url);
      assertEquals("VALIDATION", refused.getString("errors[0].extensions.code"), url);
      assertEquals("baseUrl", refused.getString("errors[0].extensions.field"), url);
    }
    JsonPath unchanged =
        ok(
            team.owner(),
            "query($ws: ID!) { modelProviders(workspaceId: $ws) { baseUrl version } }",
            Map.of("ws", team.ws()));
    assertEquals(model.baseUrl(), unchanged.getString("data.modelProviders[0].baseUrl"));
    assertEquals(0, unchanged.getInt("data.modelProviders[0].version"));
    assertEquals(0, bystander.connections(), "nothing connected to the bystander");
    assertEquals(List.of(), model.requests(), "no model was called");
  }

  @Test
  void should_never_follow_a_redirect_of_an_allowed_provider() throws Exception {
    Team team = Team.create("Redirecting provider");
    String key = ModelProviders.newKey();
    String provider = ModelProviders.addProvider(team, "House", key, model.baseUrl());
    ModelProviders.useByDefault(team, provider, null, false);
    String elsewhere = "http://127.0.0.1:" + bystander.port() + "/v1/chat/completions";

    model.enqueue(ScriptedModelServer.redirect(302, elsewhere));
    long started = System.nanoTime();
    JsonPath tested = ok(team.owner(), TEST, Map.of("ws", team.ws(), "id", provider));
    assertFast(started, "the connection test");
    assertFalse(tested.getBoolean("data.testModelProvider.ok"));
    assertEquals("MODEL_ERROR", tested.getString("data.testModelProvider.code"));
    assertTrue(
        tested.getString("data.testModelProvider.message").contains("redirect"), tested.prettify());

    // 307 would repeat the request, key and all, at the new address.
    model.enqueue(
        ScriptedModelServer.redirect(307, elsewhere),
        ScriptedModelServer.redirect(308, "http://169.254.169.254/v1/chat/completions"));
    for (int i = 0; i < 2; i++) {
      AgUiStream run =
          AgentRuns.run(team.member(), team.ws(), "task", AgentRuns.newThread("Hello", null));
      assertEquals("RUN_ERROR", run.last().type(), run.raw());
      assertEquals("MODEL_ERROR", run.last().field("code"));
      assertFalse(run.raw().contains(key));
    }
    assertEquals(3, model.requests().size(), "each redirect was answered once, not retried");
    assertEquals(0, bystander.connections(), "the key never went to the redirect's target");
  }

  private static void assertFast(long startedNanos, String what) {
    Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
    assertTrue(took.compareTo(FAST) < 0, what + " took " + took);
  }
}
