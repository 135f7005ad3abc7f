package io.steward.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.steward.it.support.AgentRuns;
import io.steward.it.support.People;
import io.steward.it.support.Steward;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Rate limits per person and per workspace, on requests and on runs: past a limit the answer is 429
 * with Retry-After and the code RATE_LIMITED (GraphQL too), other people and workspaces go on
 * unaffected, and the bucket refills. The people are made for each test, so using up their limits
 * touches no other test. Spent tokens come back evenly over the minute, so a test sends requests
 * from several threads until the first refusal.
 */
class RateLimitIT {

  /** The limits the test environment runs with (it-env.sh): the defaults, workspaces' lower. */
  private static final int PERSON_REQUESTS = 1200;

  private static final int WORKSPACE_REQUESTS = 1500;
  private static final int PERSON_RUNS = 60;
  private static final int WORKSPACE_RUNS = 100;

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TASKS = "query($ws: ID!) { tasks(workspaceId: $ws) { totalCount } }";

  @Test
  void should_limit_the_requests_of_one_person_and_no_one_else() throws Exception {
    String person = Steward.tokenFor(People.create("rate-person"));
    String other = Steward.tokenFor(People.create("rate-other"));

    Flood flood = untilRefused(i -> get(person, "/api/me"));

    assertTrue(flood.admitted() >= PERSON_REQUESTS, "admitted " + flood.admitted());
    long retryAfter = assertRateLimited(flood.refusal(), "requests a minute per person");
    HttpResponse<String> graphql = refusal(() -> graphql(person, "{ me { id } }", Map.of()));
    assertRateLimited(graphql, "requests a minute per person");
    assertTrue(graphql.body().startsWith("{\"errors\":[{"), graphql.body());

    assertEquals(200, send(get(other, "/api/me")).statusCode());

    Thread.sleep(retryAfter * 1000);
    assertEquals(200, send(get(person, "/api/me")).statusCode());
  }

  @Test
  void should_limit_the_requests_to_one_workspace_and_no_other() throws Exception {
    String owner = People.create("rate-owner");
    String member = People.create("rate-member");
    String ws = Steward.newWorkspace(owner, "Rate limited");
    String otherWs = Steward.newWorkspace(owner, "Not rate limited");
    People.addMember(owner, ws, member);
    String ownerToken = Steward.tokenFor(owner);
    String memberToken = Steward.tokenFor(member);

    // Any request on the workspace counts; one for a path that is not there costs the server least.
    Flood flood =
        untilRefused(
            i -> get(i % 2 == 0 ? ownerToken : memberToken, "/api/workspaces/" + ws + "/probe"));

    assertTrue(flood.admitted() >= WORKSPACE_REQUESTS, "admitted " + flood.admitted());
    long retryAfter = assertRateLimited(flood.refusal(), "requests a minute per workspace");
    assertRateLimited(
        refusal(() -> graphql(memberToken, TASKS, Map.of("ws", ws))),
        "requests a minute per workspace");

    assertEquals(200, send(graphql(ownerToken, TASKS, Map.of("ws", otherWs))).statusCode());
    assertEquals(200, send(get(ownerToken, "/api/workspaces/" + otherWs)).statusCode());
    assertEquals(
        200,
        send(graphql(Steward.tokenFor("alice"), TASKS, Map.of("ws", Steward.ACME))).statusCode());

    Thread.sleep(retryAfter * 1000);
    HttpResponse<String> again = send(graphql(memberToken, TASKS, Map.of("ws", ws)));
    assertEquals(200, again.statusCode(), again.body());
  }

  @Test
  void should_limit_the_runs_a_person_starts() throws Exception {
    String person = People.create("rate-runner");
    String ws = Steward.newWorkspace(person, "Runs");
    String token = Steward.tokenFor(person);
    String other = People.create("rate-other-runner");
    String otherWs = Steward.newWorkspace(other, "Other runs");

    // Run requests count whether or not the run starts: these are refused as invalid input.
    Flood flood = untilRefused(i -> post(token, AgentRuns.runsPath(ws, null), "{}"));

    assertTrue(flood.admitted() >= PERSON_RUNS, "admitted " + flood.admitted());
    long retryAfter = assertRateLimited(flood.refusal(), "agent runs a minute per person");
    assertRateLimited(
        refusal(() -> post(token, AgentRuns.runsPath(ws, null), run())),
        "agent runs a minute per person");
    assertEquals(200, send(get(token, "/api/workspaces/" + ws)).statusCode(), "requests go on");

    assertEquals(
        200,
        send(post(Steward.tokenFor(other), AgentRuns.runsPath(otherWs, null), run())).statusCode());

    Thread.sleep(retryAfter * 1000);
    assertEquals(200, send(post(token, AgentRuns.runsPath(ws, null), run())).statusCode());
  }

  @Test
  void should_limit_the_runs_started_in_one_workspace() throws Exception {
    String owner = People.create("rate-run-owner");
    String member = People.create("rate-run-member");
    String ws = Steward.newWorkspace(owner, "Busy runs");
    String otherWs = Steward.newWorkspace(owner, "Quiet runs");
    People.addMember(owner, ws, member);
    String ownerToken = Steward.tokenFor(owner);
    String memberToken = Steward.tokenFor(member);

    Flood flood =
        untilRefused(
            i -> post(i % 2 == 0 ? ownerToken : memberToken, AgentRuns.runsPath(ws, null), "{}"));

    assertTrue(flood.admitted() >= WORKSPACE_RUNS, "admitted " + flood.admitted());
    long retryAfter = assertRateLimited(flood.refusal(), "agent runs a minute per workspace");
    assertRateLimited(
        refusal(() -> post(memberToken, AgentRuns.runsPath(ws, "task"), run())),
        "agent runs a minute per workspace");

    assertEquals(
        200, send(post(ownerToken, AgentRuns.runsPath(otherWs, null), run())).statusCode());

    Thread.sleep(retryAfter * 1000);
    assertEquals(200, send(post(memberToken, AgentRuns.runsPath(ws, null), run())).statusCode());
  }

  /** How many requests were admitted before the first refusal, and that refusal. */
  private record Flood(int admitted, HttpResponse<String> refusal) {}

  /**
   * Sends requests (the i-th made by {@code request}) from eight threads until one is refused with
   * 429. Any failure of the server ends the test.
   */
  private static Flood untilRefused(IntFunction<HttpRequest> request) throws Exception {
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger admitted = new AtomicInteger();
    AtomicReference<HttpResponse<String>> refusal = new AtomicReference<>();
    ExecutorService senders = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int thread = 0; thread < 8; thread++) {
        running.add(
            senders.submit(
                () -> {
                  while (refusal.get() == null && sent.get() < 20 * PERSON_REQUESTS) {
                    HttpResponse<String> response = send(request.apply(sent.getAndIncrement()));
                    if (response.statusCode() == 429) {
                      refusal.compareAndSet(null, response);
                    } else {
                      assertTrue(response.statusCode() < 500, response.body());
                      admitted.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> sender : running) {
        sender.get();
      }
    } finally {
      senders.shutdownNow();
    }
    assertNotNull(refusal.get(), "never refused after " + admitted.get());
    return new Flood(admitted.get(), refusal.get());
  }

  /** Sends the request until it is refused: the bucket is about empty, tokens trickle back. */
  private static HttpResponse<String> refusal(java.util.function.Supplier<HttpRequest> request) {
    for (int attempt = 0; attempt < 20; attempt++) {
      HttpResponse<String> response = send(request.get());
      if (response.statusCode() == 429) {
        return response;
      }
    }
    throw new AssertionError("not refused in 20 attempts");
  }

  private static long assertRateLimited(HttpResponse<String> response, String limit) {
    assertEquals(429, response.statusCode(), response.body());
    assertTrue(response.body().contains("\"code\":\"RATE_LIMITED\""), response.body());
    assertTrue(response.body().contains(limit), response.body());
    String header = response.headers().firstValue("Retry-After").orElse(null);
    assertNotNull(header, "Retry-After");
    long seconds = Long.parseLong(header);
    assertTrue(seconds >= 1 && seconds <= 60, "Retry-After " + seconds);
    return seconds;
  }

  private static String run() {
    try {
      return JSON.writeValueAsString(AgentRuns.newThread("list my tasks", "offline"));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static HttpRequest get(String token, String path) {
    return HttpRequest.newBuilder(URI.create(Steward.URL + path))
        .header("Authorization", "Bearer " + token)
        .build();
  }

  private static HttpRequest post(String token, String path, String json) {
    return HttpRequest.newBuilder(URI.create(Steward.URL + path))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  private static HttpRequest graphql(String token, String query, Map<String, Object> variables) {
    try {
      return post(
          token,
          "/graphql",
          JSON.writeValueAsString(Map.of("query", query, "variables", variables)));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
