/*
 * ApprovalBench: clearing pending approvals with one decideApprovals call against as many single
 * decideApproval calls — time per decision and decisions per second through the apply path.
 *
 * The bench founds a workspace of its own and adds a rule there that holds the task agent's
 * create_task for a person's approval. The offline model proposes the tasks: every run of "create a
 * task to call bench customer N" ends interrupted with one pending approval. Each round makes 2 ×
 * --decisions of them, then approves one half with one decideApprovals call and the other half with
 * single decideApproval calls one after another, alternating which goes first by round; --warmup
 * rounds run first the same way, unmeasured (the JIT, pools and caches). Every
 * decision applies its call before it answers (the task created, audited and published and the
 * request APPLIED, in one transaction), so the figures are those of the whole apply path. It checks
 * that every decision answered APPLIED and that the workspace ends with one task per decision.
 *
 *   1. signs in (password grant, steward-cli), founds the workspace, adds the rule;
 *   2. per round (warm-up ones first): starts the runs (--concurrency at a time) and collects the
 *      approval ids;
 *   3. times both ways of clearing them, in the round's order;
 *   4. prints each round, the totals and the ratio batch / singles.
 *
 * Run (JDK 17+, no build), from the repository root, against `./steward up` on the offline model
 * (no STEWARD_MODEL_* set) with the run rate limits off, as a round starts 200 runs in a few
 * seconds (STEWARD_RATE_LIMIT_PERSON_RUNS_PER_MINUTE=0 STEWARD_RATE_LIMIT_WORKSPACE_RUNS_PER_MINUTE=0):
 *   java bench/ApprovalBench.java --base http://localhost:8080 --keycloak http://localhost:8180
 */

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class ApprovalBench {

  static final Pattern INTERRUPT_ID =
      Pattern.compile("\"interrupts\":\\[\\{[^}]*?\"id\":\"([0-9a-f-]{36})\"");
  static final Pattern APPLIED = Pattern.compile("\"state\":\"APPLIED\"");
  static final String TITLE = "Call bench customer";

  final Map<String, String> options;
  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .executor(Executors.newCachedThreadPool())
          .build();
  String token;
  String workspace;
  int proposed;

  ApprovalBench(Map<String, String> options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    options.put("base", "http://localhost:9080");
    options.put("keycloak", "http://localhost:9180");
    options.put("user", "alice");
    options.put("decisions", "100");
    options.put("rounds", "2");
    options.put("warmup", "1");
    options.put("concurrency", "4");
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--") || !options.containsKey(args[i].substring(2))) {
        throw new IllegalArgumentException("unknown option " + args[i] + "; options: " + options);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    new ApprovalBench(options).run();
    System.exit(0);
  }

  void run() throws Exception {
    token = signIn();
    workspace =
        field(
            graphql(
                "mutation($n: String!) { createWorkspace(name: $n) { id } }",
                "{\"n\":\"Approval bench " + UUID.randomUUID().toString().substring(0, 8) + "\"}"),
            "id");
    token = signIn(); // a token that carries the new membership
    graphql(
        "mutation($ws: ID!) { setActionPolicy(workspaceId: $ws, input: {name: \"Hold tasks\","
            + " priority: 10, tools: [\"create_task\"], decision: APPROVE}) { id } }",
        "{\"ws\":\"" + workspace + "\"}");
    System.out.printf("workspace %s: create_task waits for approval%n", workspace);
    int decisions = Integer.parseInt(options.get("decisions"));
    int rounds = Integer.parseInt(options.get("rounds"));
    Clearing batch = new Clearing("decideApprovals");
    Clearing singles = new Clearing("decideApproval");
    for (int round = 1 - Integer.parseInt(options.get("warmup")); round <= rounds; round++) {
      // Warm-up rounds (0, -1, …) count in clearings of their own, which are not reported.
      String label = round >= 1 ? "round " + round : "warm-up";
      Clearing atOnce = round >= 1 ? batch : new Clearing(batch.name);
      Clearing oneByOne = round >= 1 ? singles : new Clearing(singles.name);
      token = signIn();
      long start = System.nanoTime();
      List<String> pending = propose(2 * decisions);
      System.out.printf(
          Locale.ROOT,
          "%-8s %d approvals pending after %.1f s of runs%n",
          label,
          pending.size(),
          (System.nanoTime() - start) / 1e9);
      List<String> first = pending.subList(0, decisions);
      List<String> second = pending.subList(decisions, 2 * decisions);
      token = signIn();
      if (Math.floorMod(round, 2) == 1) {
        clearAtOnce(first, atOnce, label);
        clearOneByOne(second, oneByOne, label);
      } else {
        clearOneByOne(first, oneByOne, label);
        clearAtOnce(second, atOnce, label);
      }
    }
    System.out.println();
    System.out.println(
        "path              decisions  not APPLIED   seconds  ms/decision  decisions/s  calls p50 ms  calls p99 ms");
    System.out.println(batch.describe());
    System.out.println(singles.describe());
    System.out.printf(
        Locale.ROOT,
        "decideApprovals / decideApproval: throughput %.2fx, time per decision %.2fx%n",
        batch.perSecond() / singles.perSecond(),
        singles.perSecond() / batch.perSecond());
    int tasks =
        Integer.parseInt(
            field(
                graphql(
                    "query($ws: ID!, $q: String) { tasks(workspaceId: $ws, filter: {search: $q})"
                        + " { totalCount } }",
                    "{\"ws\":\"" + workspace + "\",\"q\":\"" + TITLE + "\"}"),
                "totalCount"));
    // Every proposed task was approved, warm-up rounds included: one task each, whatever the
    // answers said (a decideApprovals cut short by the request time limit answers no states).
    System.out.printf(
        "tasks in the workspace: %d for %d approved requests%s%n",
        tasks,
        proposed,
        tasks == proposed ? "" : "  WARNING: not one each");
  }

  /** Runs the task agent {@code count} times; answers the ids of the approvals they wait for. */
  List<String> propose(int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(Integer.parseInt(options.get("concurrency")));
    List<Future<String>> runs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int n = ++proposed;
      runs.add(pool.submit(() -> proposeTask(n)));
    }
    List<String> ids = new ArrayList<>();
    for (Future<String> run : runs) {
      ids.add(run.get());
    }
    pool.shutdown();
    return ids;
  }

  String proposeTask(int n) throws Exception {
    String body =
        "{\"threadId\":\"bench-"
            + UUID.randomUUID()
            + "\",\"runId\":\"bench-"
            + UUID.randomUUID()
            + "\",\"messages\":[{\"id\":\"m1\",\"role\":\"user\",\"content\":\"create a task to"
            + " call bench customer "
            + n
            + "\"}],\"tools\":[],\"context\":[]}";
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        options.get("base") + "/api/workspaces/" + workspace + "/agents/task/runs"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher id = INTERRUPT_ID.matcher(response.body());
    if (response.statusCode() != 200 || !id.find()) {
      throw new IllegalStateException(
          "run " + n + " ended without an approval (HTTP " + response.statusCode() + "): "
              + response.body());
    }
    return id.group(1);
  }

  /** One decideApprovals call approving all of {@code ids}. */
  void clearAtOnce(List<String> ids, Clearing clearing, String label) throws Exception {
    StringBuilder items = new StringBuilder();
    for (String id : ids) {
      items.append(items.isEmpty() ? "" : ",").append("{\"id\":\"").append(id).append("\",\"decision\":\"APPROVE\"}");
    }
    long start = System.nanoTime();
    String answer =
        graphql(
            "mutation($ws: ID!, $d: [ApprovalDecisionInput!]!) { decideApprovals(workspaceId: $ws,"
                + " decisions: $d) { id approval { state } error { code message } } }",
            "{\"ws\":\"" + workspace + "\",\"d\":[" + items + "]}");
    long nanos = System.nanoTime() - start;
    clearing.add(ids.size(), ids.size() - count(APPLIED, answer), nanos, new long[] {nanos});
    System.out.printf(Locale.ROOT, "%-8s %s%n", label, clearing.describeLast());
  }

  /** One decideApproval call per id, one after another. */
  void clearOneByOne(List<String> ids, Clearing clearing, String label) throws Exception {
    long[] calls = new long[ids.size()];
    int notApplied = 0;
    long start = System.nanoTime();
    for (int i = 0; i < ids.size(); i++) {
      long call = System.nanoTime();
      String answer =
          graphql(
              "mutation($ws: ID!, $id: ID!) { decideApproval(workspaceId: $ws, id: $id,"
                  + " decision: APPROVE) { state } }",
              "{\"ws\":\"" + workspace + "\",\"id\":\"" + ids.get(i) + "\"}");
      calls[i] = System.nanoTime() - call;
      notApplied += 1 - count(APPLIED, answer);
    }
    clearing.add(ids.size(), notApplied, System.nanoTime() - start, calls);
    System.out.printf(Locale.ROOT, "%-8s %s%n", label, clearing.describeLast());
  }

  String graphql(String query, String variables) throws IOException, InterruptedException {
    String body =
        "{\"query\":\"" + query.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"variables\":"
            + variables + "}";
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(options.get("base") + "/graphql"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
      System.out.println("GraphQL answered HTTP " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  static String field(String json, String name) {
    Matcher matcher = Pattern.compile("\"" + name + "\":\"?([^\",}]+)").matcher(json);
    if (!matcher.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return matcher.group(1);
  }

  static int count(Pattern pattern, String text) {
    int n = 0;
    for (Matcher matcher = pattern.matcher(text); matcher.find(); ) {
      n++;
    }
    return n;
  }

  String signIn() throws Exception {
    String form =
        "grant_type=password&client_id=steward-cli&username="
            + options.get("user")
            + "&password=steward";
    String body =
        http.send(
                HttpRequest.newBuilder(
                        URI.create(
                            options.get("keycloak")
                                + "/realms/steward/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher matcher = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(body);
    if (!matcher.find()) {
      throw new IllegalStateException("sign-in failed: " + body);
    }
    return matcher.group(1);
  }

  /** One way of clearing approvals over all rounds: decisions, time, and each call's latency. */
  static final class Clearing {
    final String name;
    int decisions;
    int notApplied;
    long nanos;
    long[] calls = new long[0];
    int lastDecisions;
    long lastNanos;

    Clearing(String name) {
      this.name = name;
    }

    void add(int decisions, int notApplied, long nanos, long[] calls) {
      this.decisions += decisions;
      this.notApplied += notApplied;
      this.nanos += nanos;
      int had = this.calls.length;
      this.calls = Arrays.copyOf(this.calls, had + calls.length);
      System.arraycopy(calls, 0, this.calls, had, calls.length);
      lastDecisions = decisions;
      lastNanos = nanos;
    }

    double perSecond() {
      return decisions / (nanos / 1e9);
    }

    double percentile(int p) {
      long[] sorted = calls.clone();
      Arrays.sort(sorted);
      return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)]
          / 1e6;
    }

    String describeLast() {
      return String.format(
          Locale.ROOT,
          "%-16s %d decisions in %.2f s: %.1f ms/decision, %.1f decisions/s",
          name,
          lastDecisions,
          lastNanos / 1e9,
          lastNanos / 1e6 / lastDecisions,
          lastDecisions / (lastNanos / 1e9));
    }

    String describe() {
      return String.format(
          Locale.ROOT,
          "%-16s %10d %12d %9.2f %12.1f %12.1f %13.1f %13.1f",
          name,
          decisions,
          notApplied,
          nanos / 1e9,
          nanos / 1e6 / decisions,
          perSecond(),
          percentile(50),
          percentile(99));
    }
  }
}
