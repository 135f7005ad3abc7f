package io.steward.it.support;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Speaks to Steward's AG-UI endpoints: runs go through the real AG-UI client ({@link AgUiClient});
 * requests refused before streaming are plain HTTP {@code POST}s of a {@code RunAgentInput};
 * joining or resuming reads {@code GET …/runs/{runId}/events} as a browser's {@code EventSource}
 * would.
 */
public final class AgentRuns {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /** Generous: a run the tests make takes seconds. */
  private static final Duration RUN_TIME_LIMIT = Duration.ofMinutes(2);

  private AgentRuns() {}

  /** A RunAgentInput with one new user message; {@code model} goes into forwardedProps. */
  public static Map<String, Object> input(
      String threadId, String runId, String text, String model) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("threadId", threadId);
    input.put("runId", runId);
    List<Object> messages = new ArrayList<>();
    messages.add(Map.of("id", "msg-" + UUID.randomUUID(), "role", "user", "content", text));
    input.put("messages", messages);
    input.put("tools", List.of());
    input.put("context", List.of());
    input.put("state", Map.of());
    input.put("forwardedProps", model == null ? Map.of() : Map.of("model", model));
    return input;
  }

  /** A RunAgentInput that starts a new thread, with new ids, with one user message. */
  public static Map<String, Object> newThread(String text, String model) {
    return input(newId("thread"), newId("run"), text, model);
  }

  public static String newId(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  /** The path of a run: routed by its message ({@code agent} null) or of a named agent. */
  public static String runsPath(String workspace, String agent) {
    return "/api/workspaces/"
        + workspace
        + (agent == null ? "/runs" : "/agents/" + agent + "/runs");
  }

  /** POSTs a run and returns the raw response (the whole stream, once the run ended). */
  public static HttpResponse<String> post(String token, String path, Object input) {
    try {
      return HTTP.send(request(token, path, input), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * Runs to the end through the real AG-UI client (see {@link AgUiClient}) and checks the stream
   * against its rules, and the ordering rules of {@link io.steward.it.support.AgUiVerifier}.
   */
  public static AgUiStream run(
      String token, String workspace, String agent, Map<String, Object> input) {
    try (AgUiStream.Live live = start(token, runsPath(workspace, agent), input)) {
      return live.toEnd(RUN_TIME_LIMIT).verify();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Starts a run through the real AG-UI client and reads its stream while it goes on. */
  public static AgUiStream.Live start(String token, String path, Object input) {
    return AgUiClient.run(Steward.URL + path, token, input);
  }

  /**
   * Starts a run and leaves its stream unread: a client that has stopped reading. Plain HTTP, not
   * the AG-UI client: the test using it streams megabytes, and {@code HttpAgent} copies the run's
   * messages at every event, which takes minutes for that; the server's side is what it tests.
   */
  public static HttpResponse<InputStream> open(String token, String path, Object input) {
    try {
      return HTTP.send(request(token, path, input), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Joins or resumes a run's events after a sequence number (as Last-Event-ID). */
  public static AgUiStream.Live join(
      String token, String workspace, String runId, String lastEventId) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(
                    Steward.URL + "/api/workspaces/" + workspace + "/runs/" + runId + "/events"))
            .header("Accept", "text/event-stream")
            .header("Authorization", "Bearer " + token)
            .GET();
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    return live(request.build());
  }

  /**
   * Reads a run as Steward stored it, with the GraphQL {@code AgentRun} fields named in {@code
   * fields}; answers the whole response ({@code data.agentRun.…}).
   */
  public static JsonPath stored(String token, String workspace, String runId, String fields) {
    return Steward.ok(
        token,
        "query($ws: ID!, $run: ID!) { agentRun(workspaceId: $ws, runId: $run) { " + fields + " } }",
        Map.of("ws", workspace, "run", runId));
  }

  public static HttpResponse<String> joinResponse(String token, String workspace, String runId) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(
                  URI.create(
                      Steward.URL + "/api/workspaces/" + workspace + "/runs/" + runId + "/events"))
              .header("Accept", "text/event-stream")
              .header("Authorization", "Bearer " + token)
              .timeout(Duration.ofSeconds(30))
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static AgUiStream.Live live(HttpRequest request) {
    try {
      HttpResponse<InputStream> response =
          HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        try (InputStream body = response.body()) {
          throw new AssertionError(
              response.statusCode()
                  + ": "
                  + new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
      return AgUiStream.live(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static HttpRequest request(String token, String path, Object input) {
    try {
      return HttpRequest.newBuilder(URI.create(Steward.URL + path))
          .header("Content-Type", "application/json")
          .header("Accept", "text/event-stream")
          .header("Authorization", "Bearer " + token)
          .timeout(Duration.ofSeconds(60))
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(input)))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
