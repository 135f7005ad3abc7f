/*
 * DashboardBench: GraphQL dashboard query vs. the plain JAX-RS dashboard endpoint, same server.
 *
 * Both endpoints answer the same question with the same services and JPA work: the active
 * projects of a workspace (up to 50) with their task counts, and the 50 open tasks due next with
 * project and assignees. The driver
 *   1. signs in at Keycloak (password grant, public client steward-cli), renewing the token every
 *      60 s and whenever a request comes back 401/403;
 *   2. seeds the workspace through GraphQL mutations if it holds fewer open tasks than asked for;
 *   3. checks that both endpoints answer, with as many tasks and projects, then warms both up;
 *   4. runs closed-loop load (N workers, each sending the next request when the last returned) for
 *      a fixed time per endpoint, alternating the endpoints over several rounds (A B, B A, ...);
 *   5. prints requests, errors, throughput and latency percentiles per endpoint and the ratio
 *      GraphQL / REST;
 *   6. with --attackers N, also measures the GraphQL endpoint while N more workers send hostile
 *      documents in a loop (a fragment bomb, a query nested 150 levels, 1,000 aliases; loopback
 *      servers only) and prints the ratio to the GraphQL figures without them, which should stay
 *      near 1: refusing those costs the server next to nothing.
 * Every response must be HTTP 200, parse as JSON and (GraphQL) carry no "errors"; anything else is
 * counted as an error and left out of the latency figures.
 *
 * Run (JDK 17+, no build, no dependencies), from the repository root:
 *   java bench/DashboardBench.java --base http://localhost:8080 --keycloak http://localhost:8180
 *   java bench/DashboardBench.java --help
 */

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

public class DashboardBench {

  static final String DASHBOARD_QUERY =
      String.join(
          "\n",
          "query Dashboard($w: ID!) {",
          "  projects(workspaceId: $w, filter: {status: ACTIVE}, first: 50) {",
          "    edges { node { id name taskCounts { todo inProgress done total } } }",
          "  }",
          "  tasks(workspaceId: $w, filter: {statuses: [TODO, IN_PROGRESS]}, orderBy: DUE_DATE,"
              + " first: 50) {",
          "    edges { node { id title status priority dueDate project { id name }"
              + " assignees { userId displayName } } }",
          "  }",
          "}");

  static final Duration TOKEN_MAX_AGE = Duration.ofSeconds(60);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  static final Duration SERVER_WAIT = Duration.ofMinutes(3);

  // ---------------------------------------------------------------- options

  record Options(
      String base,
      String keycloak,
      String realm,
      String client,
      String user,
      String password,
      String workspace,
      int seedProjects,
      int seedTasks,
      int concurrency,
      int warmup,
      int duration,
      int rounds,
      int attackers) {

    static final String USAGE =
        String.join(
            "\n",
            "usage: java bench/DashboardBench.java [options]   (defaults in brackets)",
            "  --base URL          Steward base URL [http://localhost:9080]",
            "  --keycloak URL      Keycloak base URL [http://localhost:9180]",
            "  --realm NAME        Keycloak realm [steward]",
            "  --client ID         public Keycloak client allowing the password grant"
                + " [steward-cli]",
            "  --user NAME         user to sign in as [alice]",
            "  --password PW       that user's password [steward]",
            "  --workspace ID      workspace to query [a0000000-0000-4000-8000-000000000001]",
            "  --seed-projects N   active projects to have after seeding [10]",
            "  --seed-tasks N      seed when the workspace has fewer open tasks than this [200]",
            "  --concurrency N     parallel workers, each a closed loop [4]",
            "  --warmup S          warm-up seconds per endpoint, not measured [10]",
            "  --duration S        measured seconds per endpoint and round [30]",
            "  --rounds N          rounds; the endpoint order alternates each round [2]",
            "  --attackers N       also measure GraphQL while N workers send hostile documents"
                + " [0]",
            "");

    static Options parse(String[] args) {
      Map<String, String> values = new LinkedHashMap<>();
      values.put("base", "http://localhost:9080");
      values.put("keycloak", "http://localhost:9180");
      values.put("realm", "steward");
      values.put("client", "steward-cli");
      values.put("user", "alice");
      values.put("password", "steward");
      values.put("workspace", "a0000000-0000-4000-8000-000000000001");
      values.put("seed-projects", "10");
      values.put("seed-tasks", "200");
      values.put("concurrency", "4");
      values.put("warmup", "10");
      values.put("duration", "30");
      values.put("rounds", "2");
      values.put("attackers", "0");
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (arg.equals("-h") || arg.equals("--help")) {
          System.out.print(USAGE);
          System.exit(0);
        }
        String name = arg.startsWith("--") ? arg.substring(2) : "";
        String value = null;
        int eq = name.indexOf('=');
        if (eq >= 0) {
          value = name.substring(eq + 1);
          name = name.substring(0, eq);
        } else if (i + 1 < args.length) {
          value = args[++i];
        }
        if (!values.containsKey(name) || value == null) {
          throw new IllegalArgumentException("bad option " + arg + "\n" + USAGE);
        }
        values.put(name, value);
      }
      return new Options(
          stripSlash(values.get("base")),
          stripSlash(values.get("keycloak")),
          values.get("realm"),
          values.get("client"),
          values.get("user"),
          values.get("password"),
          values.get("workspace"),
          number(values, "seed-projects", 0),
          number(values, "seed-tasks", 0),
          number(values, "concurrency", 1),
          number(values, "warmup", 0),
          number(values, "duration", 1),
          number(values, "rounds", 1),
          number(values, "attackers", 0));
    }

    private static int number(Map<String, String> values, String name, int min) {
      try {
        int n = Integer.parseInt(values.get(name));
        if (n >= min) return n;
      } catch (NumberFormatException ignored) {
        // reported below
      }
      throw new IllegalArgumentException("--" + name + " must be an integer >= " + min);
    }

    private static String stripSlash(String url) {
      return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
  }

  // ---------------------------------------------------------------- main

  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    try (Tokens tokens = new Tokens(http, options)) {
      new DashboardBench(http, tokens, options).run();
    }
  }

  private final HttpClient http;
  private final Tokens tokens;
  private final Options options;
  private final GraphQL graphql;
  private final Attack attack;

  DashboardBench(HttpClient http, Tokens tokens, Options options) {
    this.http = http;
    this.tokens = tokens;
    this.options = options;
    this.graphql = new GraphQL(http, tokens, options.base() + "/graphql");
    this.attack =
        new Attack(tokens, URI.create(options.base() + "/graphql"), options.workspace());
  }

  void run() throws Exception {
    System.out.printf(
        "Steward dashboard bench: %s (Keycloak %s), workspace %s, user %s%n",
        options.base(), options.keycloak(), options.workspace(), options.user());
    System.out.printf(
        "concurrency %d, warm-up %d s per endpoint, %d round(s) x %d s per endpoint%n%n",
        options.concurrency(), options.warmup(), options.rounds(), options.duration());

    waitForServer();
    new Seeder(graphql, options).seedIfNeeded();

    List<Endpoint> endpoints =
        new ArrayList<>(
            List.of(Endpoint.graphql(options, tokens), Endpoint.rest(options, tokens)));
    sanityCheck(endpoints);
    if (options.attackers() > 0) {
      Attack.requireLoopback(options.base());
      endpoints.add(Endpoint.graphql(options, tokens).named(ATTACKED));
    }

    if (options.warmup() > 0) {
      for (Endpoint endpoint : endpoints) {
        System.out.printf("warm-up  %-8s %d s%n", endpoint.name(), options.warmup());
        runLoad(endpoint, options.warmup());
      }
      System.out.println();
    }

    Map<String, List<RunResult>> results = new LinkedHashMap<>();
    endpoints.forEach(e -> results.put(e.name(), new ArrayList<>()));
    for (int round = 1; round <= options.rounds(); round++) {
      List<Endpoint> order = new ArrayList<>(endpoints);
      if (round % 2 == 0) Collections.reverse(order);
      for (Endpoint endpoint : order) {
        RunResult result = runLoad(endpoint, options.duration());
        results.get(endpoint.name()).add(result);
        System.out.printf(
            "round %d  %-8s %7d requests, %4d errors, %8.1f req/s, p50 %7.2f ms%n",
            round,
            endpoint.name(),
            result.requests(),
            result.errors(),
            result.throughput(),
            result.stats().p50());
      }
    }

    Summary gql = Summary.of("GraphQL", results.get("GraphQL"));
    Summary rest = Summary.of("REST", results.get("REST"));
    if (options.attackers() > 0) {
      Summary attacked = Summary.of(ATTACKED, results.get(ATTACKED));
      printTable(List.of(gql, rest, attacked));
      printRatio(gql, rest);
      printAttackRatio(attacked, gql);
    } else {
      printTable(List.of(gql, rest));
      printRatio(gql, rest);
    }
    checkTaskCounts(results);
    printErrors(results);
    System.out.printf(
        "%ntokens fetched: %d (%d after a 401/403)%n", tokens.fetched(), tokens.forcedRenewals());
  }

  /** Waits until Keycloak issues a token and Steward answers, in case either is restarting. */
  private void waitForServer() throws InterruptedException {
    long deadline = System.nanoTime() + SERVER_WAIT.toNanos();
    while (true) {
      try {
        graphql.query("{ me { id } }", Map.of());
        return;
      } catch (Exception e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("server not ready after " + SERVER_WAIT, e);
        }
        System.out.println("waiting for server: " + describe(e));
        Thread.sleep(5_000);
      }
    }
  }

  /** One call to each endpoint: both must answer, and with as many tasks and projects. */
  private void sanityCheck(List<Endpoint> endpoints) throws InterruptedException {
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    for (Endpoint endpoint : endpoints) {
      Outcome outcome = endpoint.call(http);
      if (outcome.error() != null) {
        throw new IllegalStateException(endpoint.name() + " does not answer: " + outcome.error());
      }
      outcomes.put(endpoint.name(), outcome);
      System.out.printf(
          "check    %-8s %d projects, %d tasks, %d bytes, %.1f ms%n",
          endpoint.name(),
          outcome.projects(),
          outcome.tasks(),
          outcome.bytes(),
          outcome.nanos() / 1e6);
    }
    Outcome gql = outcomes.get("GraphQL");
    Outcome rest = outcomes.get("REST");
    if (gql.tasks() != rest.tasks() || gql.projects() != rest.projects()) {
      System.out.printf(
          "WARNING: the endpoints disagree: GraphQL %d tasks/%d projects,"
              + " REST %d tasks/%d projects%n",
          gql.tasks(), gql.projects(), rest.tasks(), rest.projects());
    }
    System.out.println();
  }

  /**
   * Closed loop: each worker sends its next request as soon as the previous one returned; the
   * attacked endpoint is measured while the attackers send their hostile documents.
   */
  private RunResult runLoad(Endpoint endpoint, int seconds) throws Exception {
    boolean attacked = endpoint.name().equals(ATTACKED);
    int threads = options.concurrency() + (attacked ? options.attackers() : 0);
    ExecutorService workers = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
      List<Future<Void>> attacks = new ArrayList<>();
      for (int i = 0; attacked && i < options.attackers(); i++) {
        attacks.add(workers.submit(() -> attack.send(http, deadline)));
      }
      List<Future<WorkerResult>> futures = new ArrayList<>();
      for (int i = 0; i < options.concurrency(); i++) {
        futures.add(workers.submit(() -> work(endpoint, deadline)));
      }
      List<WorkerResult> parts = new ArrayList<>();
      for (Future<WorkerResult> future : futures) parts.add(future.get());
      for (Future<Void> future : attacks) future.get();
      long elapsed = System.nanoTime() - start;
      return RunResult.of(parts, elapsed);
    } finally {
      workers.shutdownNow();
    }
  }

  private WorkerResult work(Endpoint endpoint, long deadline) throws InterruptedException {
    LongList latencies = new LongList();
    int errors = 0;
    List<String> samples = new ArrayList<>();
    Set<Integer> taskCounts = new TreeSet<>();
    while (System.nanoTime() < deadline) {
      Outcome outcome = endpoint.call(http);
      if (outcome.error() == null) {
        latencies.add(outcome.nanos());
        taskCounts.add(outcome.tasks());
      } else {
        errors++;
        if (samples.size() < 3) samples.add(outcome.error());
        if (outcome.status() == 0) Thread.sleep(200); // connection trouble: do not spin
      }
    }
    return new WorkerResult(latencies, errors, samples, taskCounts);
  }

  // ---------------------------------------------------------------- output

  private static void printTable(List<Summary> rows) {
    System.out.println();
    String header = "%-9s %9s %7s %10s %9s %9s %9s %9s%n";
    String line = "%-9s %9d %7d %10.1f %9.2f %9.2f %9.2f %9.2f%n";
    System.out.printf(
        header, "endpoint", "requests", "errors", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms");
    System.out.println("-".repeat(79));
    for (Summary s : rows) {
      System.out.printf(
          line,
          s.name(),
          s.requests(),
          s.errors(),
          s.throughput(),
          s.stats().p50(),
          s.stats().p95(),
          s.stats().p99(),
          s.stats().max());
    }
  }

  private static void printRatio(Summary gql, Summary rest) {
    System.out.println();
    System.out.printf(
        "GraphQL / REST: throughput %.2fx, p50 latency %.2fx, p95 latency %.2fx%n",
        ratio(gql.throughput(), rest.throughput()),
        ratio(gql.stats().p50(), rest.stats().p50()),
        ratio(gql.stats().p95(), rest.stats().p95()));
    System.out.println(
        "(throughput < 1 and latency > 1 mean GraphQL is slower than REST for the same data)");
  }

  /** Warns if the endpoints' answers carried different numbers of tasks during the runs. */
  private static void checkTaskCounts(Map<String, List<RunResult>> results) {
    Map<String, Set<Integer>> seen = new LinkedHashMap<>();
    results.forEach(
        (name, runs) -> {
          Set<Integer> counts = new TreeSet<>();
          runs.forEach(r -> counts.addAll(r.taskCounts()));
          seen.put(name, counts);
        });
    if (seen.values().stream().distinct().count() > 1) {
      System.out.println("WARNING: tasks per answer differ between the endpoints: " + seen);
    } else {
      System.out.println("tasks per answer, both endpoints: " + seen.values().iterator().next());
    }
  }

  private static void printErrors(Map<String, List<RunResult>> results) {
    results.forEach(
        (name, runs) ->
            runs.stream()
                .flatMap(r -> r.errorSamples().stream())
                .distinct()
                .limit(5)
                .forEach(sample -> System.out.printf("error    %-8s %s%n", name, sample)));
  }

  private void printAttackRatio(Summary attacked, Summary idle) {
    System.out.printf(
        "GraphQL attacked / GraphQL: throughput %.2fx, p50 latency %.2fx, p95 latency %.2fx%n",
        ratio(attacked.throughput(), idle.throughput()),
        ratio(attacked.stats().p50(), idle.stats().p50()),
        ratio(attacked.stats().p95(), idle.stats().p95()));
    System.out.printf(
        "hostile documents sent by %d attacker(s): %d, refused: %d, otherwise answered: %d%n",
        options.attackers(), attack.sent.get(), attack.refused.get(), attack.answered.get());
  }

  private static double ratio(double a, double b) {
    return b == 0 ? Double.NaN : a / b;
  }

  // ---------------------------------------------------------------- endpoints

  /** What one request brought back; error is null when it was a good answer. */
  record Outcome(int status, long nanos, int bytes, int projects, int tasks, String error) {
    static Outcome failed(int status, long nanos, String error) {
      return new Outcome(status, nanos, 0, -1, -1, error);
    }
  }

  /** One way of asking for the dashboard: how to build the request, how to read the answer. */
  record Endpoint(String name, Tokens tokens, RequestFactory requests, AnswerReader reader) {

    Endpoint named(String other) {
      return new Endpoint(other, tokens, requests, reader);
    }

    interface RequestFactory {
      HttpRequest build(String token);
    }

    interface AnswerReader {
      /** The number of projects and tasks, or throws if the answer is not a good one. */
      int[] count(Object json);
    }

    static Endpoint graphql(Options options, Tokens tokens) {
      String body =
          Json.write(
              Map.of("query", DASHBOARD_QUERY, "variables", Map.of("w", options.workspace())));
      URI uri = URI.create(options.base() + "/graphql");
      return new Endpoint(
          "GraphQL",
          tokens,
          token ->
              HttpRequest.newBuilder(uri)
                  .timeout(REQUEST_TIMEOUT)
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .header("Accept", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
          json -> {
            Object errors = Json.at(json, "errors");
            if (errors != null) {
              throw new IllegalStateException("GraphQL errors: " + Json.write(errors));
            }
            return new int[] {
              Json.list(json, "data", "projects", "edges").size(),
              Json.list(json, "data", "tasks", "edges").size()
            };
          });
    }

    static Endpoint rest(Options options, Tokens tokens) {
      URI uri =
          URI.create(
              options.base()
                  + "/api/workspaces/"
                  + URLEncoder.encode(options.workspace(), StandardCharsets.UTF_8)
                  + "/dashboard");
      return new Endpoint(
          "REST",
          tokens,
          token ->
              HttpRequest.newBuilder(uri)
                  .timeout(REQUEST_TIMEOUT)
                  .header("Authorization", "Bearer " + token)
                  .header("Accept", "application/json")
                  .GET()
                  .build(),
          json -> new int[] {Json.list(json, "projects").size(), Json.list(json, "tasks").size()});
    }

    /**
     * Sends one request; on 401/403 renews the token and tries once more. The latency covers the
     * whole exchange including the body, not the client-side JSON check.
     */
    Outcome call(HttpClient http) throws InterruptedException {
      long start = System.nanoTime();
      try {
        String token = tokens.current();
        HttpResponse<String> response = send(http, token);
        if (response.statusCode() == 401 || response.statusCode() == 403) {
          response = send(http, tokens.renew(token));
        }
        long nanos = System.nanoTime() - start;
        String body = response.body();
        if (response.statusCode() != 200) {
          String error = "HTTP " + response.statusCode() + ": " + abbreviate(body);
          return Outcome.failed(response.statusCode(), nanos, error);
        }
        int[] counts = reader.count(Json.parse(body));
        return new Outcome(200, nanos, body.length(), counts[0], counts[1], null);
      } catch (IOException e) {
        return Outcome.failed(0, System.nanoTime() - start, describe(e));
      } catch (RuntimeException e) {
        return Outcome.failed(200, System.nanoTime() - start, "bad answer: " + describe(e));
      }
    }

    private HttpResponse<String> send(HttpClient http, String token)
        throws IOException, InterruptedException {
      return http.send(requests.build(token), HttpResponse.BodyHandlers.ofString());
    }
  }

  static final String ATTACKED = "GraphQL*";

  /**
   * Hostile documents in a loop: a fragment bomb (1.5 KB spreading a fragment 2^39 times), a query
   * nested 150 levels and one with 1,000 aliases. Each should be refused at once; those answered
   * otherwise are counted. Sent to a server on this machine only.
   */
  static final class Attack {

    private final Tokens tokens;
    private final URI uri;
    private final List<String> bodies;
    final AtomicLong sent = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong answered = new AtomicLong();

    Attack(Tokens tokens, URI uri, String workspace) {
      this.tokens = tokens;
      this.uri = uri;
      StringBuilder bomb = new StringBuilder("{ me { ...F39 } } fragment F0 on Me { username }");
      for (int i = 1; i <= 39; i++) {
        bomb.append(" fragment F%d on Me { ...F%d ...F%d }".formatted(i, i - 1, i - 1));
      }
      String deep =
          "{ contacts(workspaceId: \"%s\", first: 1) { edges { node {".formatted(workspace)
              + " company { contacts {".repeat(75)
              + " id"
              + " } }".repeat(75)
              + " } } } }";
      StringBuilder aliases = new StringBuilder("{");
      for (int i = 0; i < 1000; i++) aliases.append(" a").append(i).append(": me { id }");
      this.bodies =
          List.of(bomb.toString(), deep, aliases + " }").stream()
              .map(query -> Json.write(Map.of("query", query)))
              .toList();
    }

    static void requireLoopback(String base) throws IOException {
      if (!InetAddress.getByName(URI.create(base).getHost()).isLoopbackAddress()) {
        throw new IllegalArgumentException("--attackers only against a server on this machine");
      }
    }

    Void send(HttpClient http, long deadline) throws InterruptedException {
      for (int i = 0; System.nanoTime() < deadline; i++) {
        sent.incrementAndGet();
        try {
          HttpRequest request =
              HttpRequest.newBuilder(uri)
                  .timeout(REQUEST_TIMEOUT)
                  .header("Authorization", "Bearer " + tokens.current())
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i % bodies.size())))
                  .build();
          HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
          boolean refusal = response.body().contains("\"VALIDATION\"");
          (refusal ? refused : answered).incrementAndGet();
        } catch (IOException e) {
          answered.incrementAndGet();
          Thread.sleep(200); // connection trouble: do not spin
        }
      }
      return null;
    }
  }

  /** An exception as one line; some (ConnectException) have no message of their own. */
  static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + abbreviate(message));
  }

  static String abbreviate(String text) {
    if (text == null) return "";
    String flat = text.replaceAll("\\s+", " ");
    return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
  }

  // ---------------------------------------------------------------- results

  /**
   * A worker's successful latencies (ns), its error count, a few error messages and the task counts
   * its good answers carried.
   */
  record WorkerResult(
      LongList latencies, int errors, List<String> errorSamples, Set<Integer> taskCounts) {}

  /** One endpoint in one round (or warm-up). */
  record RunResult(
      LongList latencies,
      int errors,
      long elapsedNanos,
      List<String> errorSamples,
      Set<Integer> taskCounts) {

    static RunResult of(List<WorkerResult> parts, long elapsedNanos) {
      LongList all = new LongList();
      int errors = 0;
      List<String> samples = new ArrayList<>();
      Set<Integer> taskCounts = new TreeSet<>();
      for (WorkerResult part : parts) {
        all.addAll(part.latencies());
        errors += part.errors();
        samples.addAll(part.errorSamples());
        taskCounts.addAll(part.taskCounts());
      }
      return new RunResult(all, errors, elapsedNanos, samples, taskCounts);
    }

    int requests() {
      return latencies.size() + errors;
    }

    double throughput() {
      return latencies.size() / (elapsedNanos / 1e9);
    }

    LatencyStats stats() {
      return LatencyStats.of(latencies);
    }
  }

  /** All measured rounds of one endpoint together. */
  record Summary(String name, int requests, int errors, double throughput, LatencyStats stats) {

    static Summary of(String name, List<RunResult> runs) {
      LongList all = new LongList();
      int errors = 0;
      long elapsed = 0;
      for (RunResult run : runs) {
        all.addAll(run.latencies());
        errors += run.errors();
        elapsed += run.elapsedNanos();
      }
      return new Summary(
          name, all.size() + errors, errors, all.size() / (elapsed / 1e9), LatencyStats.of(all));
    }
  }

  /** Percentiles of successful requests in milliseconds (nearest rank). */
  record LatencyStats(double p50, double p95, double p99, double max) {

    static LatencyStats of(LongList latencies) {
      long[] sorted = latencies.toSortedArray();
      if (sorted.length == 0) {
        return new LatencyStats(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
      }
      return new LatencyStats(
          percentile(sorted, 50),
          percentile(sorted, 95),
          percentile(sorted, 99),
          sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
      int rank = (int) Math.ceil(p / 100 * sorted.length);
      return sorted[Math.max(0, rank - 1)] / 1e6;
    }
  }

  /** A growable array of longs, to keep latency samples without boxing. */
  static final class LongList {
    private long[] values = new long[1024];
    private int size;

    void add(long value) {
      if (size == values.length) values = Arrays.copyOf(values, size * 2);
      values[size++] = value;
    }

    void addAll(LongList other) {
      for (int i = 0; i < other.size; i++) add(other.values[i]);
    }

    int size() {
      return size;
    }

    long[] toSortedArray() {
      long[] copy = Arrays.copyOf(values, size);
      Arrays.sort(copy);
      return copy;
    }
  }

  // ---------------------------------------------------------------- tokens

  /**
   * Access tokens from Keycloak's password grant. Tokens live 5 minutes; a background thread looks
   * every 10 s and fetches a fresh one once the current one is 60 s old (so a Keycloak restart
   * costs no errors as long as it is back within a few minutes), and workers never wait for it.
   * {@link #renew} fetches one at once after a 401/403.
   */
  static final class Tokens implements AutoCloseable {
    private static final long CHECK_SECONDS = 10;

    private record Token(String value, long fetchedAt) {
      boolean olderThan(Duration age) {
        return System.nanoTime() - fetchedAt >= age.toNanos();
      }
    }

    private final HttpClient http;
    private final Options options;
    private final ScheduledExecutorService refresher;
    private final AtomicInteger fetched = new AtomicInteger();
    private final AtomicInteger forced = new AtomicInteger();
    private volatile Token token;

    Tokens(HttpClient http, Options options) {
      this.http = http;
      this.options = options;
      this.refresher =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "token-refresher");
                t.setDaemon(true);
                return t;
              });
      refresher.scheduleWithFixedDelay(
          this::refreshIfOld, CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS);
    }

    String current() throws IOException, InterruptedException {
      Token t = token;
      return t != null ? t.value() : renew(null);
    }

    /** A new token, unless another thread already replaced the stale one meanwhile. */
    synchronized String renew(String stale) throws IOException, InterruptedException {
      if (token != null && !token.value().equals(stale)) return token.value();
      if (stale != null) forced.incrementAndGet();
      token = fetch();
      return token.value();
    }

    int fetched() {
      return fetched.get();
    }

    int forcedRenewals() {
      return forced.get();
    }

    private void refreshIfOld() {
      Token t = token;
      if (t == null || !t.olderThan(TOKEN_MAX_AGE)) return;
      try {
        Token fresh = fetch();
        synchronized (this) {
          token = fresh;
        }
      } catch (Exception e) {
        System.out.println("token refresh failed, keeping the old one: " + describe(e));
      }
    }

    private Token fetch() throws IOException, InterruptedException {
      String form =
          form(
              Map.of(
                  "grant_type", "password",
                  "client_id", options.client(),
                  "username", options.user(),
                  "password", options.password()));
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(
                      options.keycloak()
                          + "/realms/"
                          + options.realm()
                          + "/protocol/openid-connect/token"))
              .timeout(REQUEST_TIMEOUT)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form))
              .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException(
            "Keycloak token: HTTP " + response.statusCode() + " " + abbreviate(response.body()));
      }
      Object accessToken = Json.at(Json.parse(response.body()), "access_token");
      if (!(accessToken instanceof String s)) {
        throw new IOException("Keycloak answer has no access_token");
      }
      fetched.incrementAndGet();
      return new Token(s, System.nanoTime());
    }

    private static String form(Map<String, String> fields) {
      StringBuilder out = new StringBuilder();
      fields.forEach(
          (k, v) -> {
            if (out.length() > 0) out.append('&');
            out.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
          });
      return out.toString();
    }

    @Override
    public void close() {
      refresher.shutdownNow();
    }
  }

  // ---------------------------------------------------------------- GraphQL client and seeding

  /** Plain GraphQL calls for setup: throws unless HTTP 200 without errors; returns "data". */
  record GraphQL(HttpClient http, Tokens tokens, String url) {

    Object query(String query, Map<String, Object> variables)
        throws IOException, InterruptedException {
      String body = Json.write(Map.of("query", query, "variables", variables));
      String token = tokens.current();
      HttpResponse<String> response = send(body, token);
      if (response.statusCode() == 401 || response.statusCode() == 403) {
        response = send(body, tokens.renew(token));
      }
      if (response.statusCode() != 200) {
        throw new IOException(
            "GraphQL: HTTP " + response.statusCode() + " " + abbreviate(response.body()));
      }
      Object json = Json.parse(response.body());
      if (Json.at(json, "errors") != null) {
        throw new IOException("GraphQL errors: " + abbreviate(Json.write(Json.at(json, "errors"))));
      }
      return Json.at(json, "data");
    }

    private HttpResponse<String> send(String body, String token)
        throws IOException, InterruptedException {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(REQUEST_TIMEOUT)
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }

  /**
   * Fills the workspace with projects and open tasks (due dates spread over the coming months,
   * priorities mixed, assigned to the caller and one more member) when it has fewer open tasks than
   * --seed-tasks.
   */
  record Seeder(GraphQL graphql, Options options) {

    private static final String[] PRIORITIES = {"HIGH", "MEDIUM", "LOW"};

    void seedIfNeeded() throws IOException, InterruptedException {
      Map<String, Object> w = Map.of("w", options.workspace());
      Object counts =
          graphql.query(
              "query Counts($w: ID!) { me { id } tasks(workspaceId: $w, filter: {statuses: [TODO,"
                  + " IN_PROGRESS]}) { totalCount } projects(workspaceId: $w, filter: {status:"
                  + " ACTIVE}) { totalCount } }",
              w);
      int openTasks = Json.integer(counts, "tasks", "totalCount");
      int activeProjects = Json.integer(counts, "projects", "totalCount");
      System.out.printf("data     %d active projects, %d open tasks%n", activeProjects, openTasks);
      if (openTasks >= options.seedTasks()) return;

      for (int i = activeProjects; i < options.seedProjects(); i++) {
        graphql.query(
            "mutation P($w: ID!, $in: ProjectInput!) {"
                + " createProject(workspaceId: $w, input: $in) { id } }",
            Map.of("w", options.workspace(), "in", Map.of("name", "Bench project " + (i + 1))));
      }
      List<String> projectIds = new ArrayList<>();
      for (Object edge :
          Json.list(
              graphql.query(
                  "query($w: ID!) { projects(workspaceId: $w, filter: {status: ACTIVE}, first: 50)"
                      + " { edges { node { id } } } }",
                  w),
              "projects",
              "edges")) {
        projectIds.add((String) Json.at(edge, "node", "id"));
      }
      List<String> assignees = assignees((String) Json.at(counts, "me", "id"));

      int missing = options.seedTasks() - openTasks;
      LocalDate today = LocalDate.now();
      for (int i = 0; i < missing; i++) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("title", "Bench task " + (openTasks + i + 1));
        input.put("description", "Seeded by bench/DashboardBench.java");
        input.put("priority", PRIORITIES[i % PRIORITIES.length]);
        input.put("dueDate", today.plusDays(1 + (i * 7L) % 120).toString());
        if (!projectIds.isEmpty()) input.put("projectId", projectIds.get(i % projectIds.size()));
        input.put("assigneeIds", i % 2 == 0 ? assignees : assignees.subList(0, 1));
        graphql.query(
            "mutation T($w: ID!, $in: TaskInput!) {"
                + " createTask(workspaceId: $w, input: $in) { id } }",
            Map.of("w", options.workspace(), "in", input));
      }
      System.out.printf(
          "seeded   %d project(s), %d task(s)%n",
          Math.max(0, options.seedProjects() - activeProjects), missing);
    }

    /** The caller, plus one other member who may be assigned work (not a viewer), if any. */
    private List<String> assignees(String me) {
      List<String> ids = new ArrayList<>(List.of(me));
      try {
        for (Object member :
            Json.list(
                graphql.query(
                    "query($w: ID!) { members(workspaceId: $w) { userId role } }",
                    Map.of("w", options.workspace())),
                "members")) {
          String id = (String) Json.at(member, "userId");
          if (!id.equals(me) && !"VIEWER".equals(Json.at(member, "role"))) {
            ids.add(id);
            break;
          }
        }
      } catch (Exception e) {
        System.out.println("members not available, assigning to the caller only: " + describe(e));
      }
      return ids;
    }
  }

  // ---------------------------------------------------------------- JSON

  /**
   * Just enough JSON: parse into Map / List / String / Double / Boolean / null, and write those.
   */
  static final class Json {
    private final String text;
    private int pos;

    private Json(String text) {
      this.text = text;
    }

    static Object parse(String text) {
      Json parser = new Json(text);
      Object value = parser.value();
      parser.skipSpace();
      if (parser.pos != text.length()) throw parser.error("trailing characters");
      return value;
    }

    /** The value at a path of object keys, or null if any step is missing. */
    static Object at(Object json, String... path) {
      Object current = json;
      for (String key : path) {
        if (!(current instanceof Map<?, ?> map)) return null;
        current = map.get(key);
      }
      return current;
    }

    static List<?> list(Object json, String... path) {
      if (at(json, path) instanceof List<?> list) return list;
      throw new IllegalStateException("no list at " + String.join(".", path));
    }

    static int integer(Object json, String... path) {
      if (at(json, path) instanceof Double d) return d.intValue();
      throw new IllegalStateException("no number at " + String.join(".", path));
    }

    static String write(Object value) {
      StringBuilder out = new StringBuilder();
      write(value, out);
      return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
      if (value == null) {
        out.append("null");
      } else if (value instanceof String s) {
        quote(s, out);
      } else if (value instanceof Number || value instanceof Boolean) {
        out.append(value);
      } else if (value instanceof Map<?, ?> map) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
          if (!first) out.append(',');
          first = false;
          quote(String.valueOf(e.getKey()), out);
          out.append(':');
          write(e.getValue(), out);
        }
        out.append('}');
      } else if (value instanceof List<?> list) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) out.append(',');
          write(list.get(i), out);
        }
        out.append(']');
      } else {
        throw new IllegalArgumentException("cannot write " + value.getClass());
      }
    }

    private static void quote(String s, StringBuilder out) {
      out.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          default -> {
            if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
          }
        }
      }
      out.append('"');
    }

    private Object value() {
      skipSpace();
      if (pos >= text.length()) throw error("unexpected end");
      char c = text.charAt(pos);
      return switch (c) {
        case '{' -> object();
        case '[' -> array();
        case '"' -> string();
        case 't' -> literal("true", Boolean.TRUE);
        case 'f' -> literal("false", Boolean.FALSE);
        case 'n' -> literal("null", null);
        default -> number();
      };
    }

    private Map<String, Object> object() {
      Map<String, Object> map = new LinkedHashMap<>();
      pos++; // {
      skipSpace();
      if (peek() == '}') {
        pos++;
        return map;
      }
      while (true) {
        skipSpace();
        String key = string();
        skipSpace();
        expect(':');
        map.put(key, value());
        skipSpace();
        if (peek() == ',') {
          pos++;
        } else {
          expect('}');
          return map;
        }
      }
    }

    private List<Object> array() {
      List<Object> list = new ArrayList<>();
      pos++; // [
      skipSpace();
      if (peek() == ']') {
        pos++;
        return list;
      }
      while (true) {
        list.add(value());
        skipSpace();
        if (peek() == ',') {
          pos++;
        } else {
          expect(']');
          return list;
        }
      }
    }

    private String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (true) {
        if (pos >= text.length()) throw error("unterminated string");
        char c = text.charAt(pos++);
        if (c == '"') return out.toString();
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char e = text.charAt(pos++);
        switch (e) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
            pos += 4;
          }
          default -> out.append(e); // \" \\ \/
        }
      }
    }

    private Double number() {
      int start = pos;
      while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) pos++;
      if (start == pos) throw error("unexpected character '" + text.charAt(pos) + "'");
      return Double.valueOf(text.substring(start, pos));
    }

    private Object literal(String word, Object value) {
      if (!text.startsWith(word, pos)) throw error("expected " + word);
      pos += word.length();
      return value;
    }

    private void expect(char c) {
      if (peek() != c) throw error("expected '" + c + "'");
      pos++;
    }

    private char peek() {
      return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private IllegalStateException error(String message) {
      return new IllegalStateException("JSON: " + message + " at " + pos);
    }
  }
}
