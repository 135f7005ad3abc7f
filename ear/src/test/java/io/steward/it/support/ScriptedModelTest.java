package io.steward.it.support;

import static io.steward.it.support.ScriptedModelServer.reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension gives each test of a class the same running server, emptied of the last test's. */
@TestMethodOrder(OrderAnnotation.class)
class ScriptedModelTest {

  @RegisterExtension static final ScriptedModel model = new ScriptedModel(0);

  private static int port;

  @Test
  @Order(1)
  void should_serve_what_a_test_queues() throws Exception {
    model.enqueue(reply().text("Hello"), reply().text("Left over"));
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(model.baseUrl() + "/chat/completions"))
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    assertEquals(1, model.requests().size());
    port = model.server().port();
  }

  @Test
  @Order(2)
  void should_start_each_test_on_the_same_server_with_nothing_left_from_the_last() {
    assertEquals(port, model.server().port());
    assertEquals(0, model.server().remainingReplies());
    assertEquals(0, model.requests().size());
  }

  @Test
  void should_bind_only_while_its_class_runs() {
    ScriptedModel unstarted = new ScriptedModel(0);
    assertThrows(IllegalStateException.class, unstarted::server);
    unstarted.beforeAll(null);
    int bound = unstarted.server().port();
    unstarted.afterAll(null);
    assertThrows(IllegalStateException.class, unstarted::server);
    new ScriptedModelServer(bound).close();
  }
}
