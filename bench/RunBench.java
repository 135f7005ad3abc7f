/*
 * RunBench: agent runs over AG-UI against a bare SSE endpoint on the same server, and how many run
 * streams the server holds open at once.
 *
 * The driver plays the model: a zero-latency OpenAI-compatible server on --model-port (Steward's
 * STEWARD_MODEL_BASE_URL must point at it) answers a run's first model call with one create_task
 * tool call and the second with 20 text chunks. So one run is: routing, one model call streaming a
 * tool call, one tool write (a task, audited, in one transaction), one model call streaming 20
 * chunks, every event stored, all of it streamed to the client. The baseline is
 * GET /sse-baseline/events (bench/sse-baseline, a WAR deployed beside Steward) sending as many
 * events of the same average size, with no run, database or security behind it.
 *
 *   1. signs in (password grant, steward-cli) and checks one run end to end;
 *   2. warms up both endpoints, then runs closed-loop load (N workers, each starting the next
 *      request when the last one's stream ended) per endpoint, alternating the order by round;
 *   3. prints requests, errors, requests per second and latency (request sent → stream ended);
 *   4. opens --streams runs whose model holds its answer after the first chunk, waits until each
 *      stream shows that chunk, reads the heap from /metrics before and after, then releases them.
 *
 * Run (JDK 17+, no build), from the repository root, with Steward started with
 * STEWARD_MODEL_BASE_URL=http://127.0.0.1:9098/v1 and the baseline WAR deployed:
 *   java bench/RunBench.java --base http://localhost:8080 --keycloak http://localhost:8180 \
 *       --server-pid "$(cat data/payara/domains/steward/config/pid)"
 */

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class RunBench {

  static final String HOLD = "hold this run open";
  static final Pattern HEAP =
      Pattern.compile("(?m)^(?:base_)?memory_usedHeap_bytes(?:\\{[^}]*\\})? (\\S+)");

  final Map<String, String> options;
  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .executor(Executors.newCachedThreadPool())
          .build();
  String token;
  final AtomicInteger opened = new AtomicInteger();

  RunBench(Map<String, String> options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    options.put("base", "http://localhost:9080");
    options.put("keycloak", "http://localhost:9180");
    options.put("workspace", "a0000000-0000-4000-8000-000000000001");
    options.put("user", "alice");
    options.put("model-port", "9098");
    options.put("concurrency", "4");
    options.put("warmup", "10");
    options.put("duration", "30");
    options.put("rounds", "2");
    options.put("streams", "100");
    options.put("server-pid", "");
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--") || !options.containsKey(args[i].substring(2))) {
        throw new IllegalArgumentException("unknown option " + args[i] + "; options: " + options);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    try (ScriptedModel model = new ScriptedModel(Integer.parseInt(options.get("model-port")))) {
      new RunBench(options).run(model);
    }
    System.exit(0);
  }

  void run(ScriptedModel model) throws Exception {
    token = signIn();
    Outcome check = runOnce();
    if (check.error != null) {
      throw new IllegalStateException("a run did not work: " + check.error);
    }
    int averageBytes = check.bytes / check.events;
    System.out.printf(
        Locale.ROOT,
        "check    run: %d events, %d bytes, %.1f ms; baseline sends %d events of %d bytes%n",
        check.events,
        check.bytes,
        check.nanos / 1e6,
        check.events,
        averageBytes);
    String baseline =
        options.get("base") + "/sse-baseline/events?n=" + check.events + "&bytes=" + averageBytes;
    Endpoint runs = new Endpoint("run", this::runOnce);
    Endpoint bare = new Endpoint("bare SSE", () -> getStream(baseline));
    int concurrency = Integer.parseInt(options.get("concurrency"));
    int warmup = Integer.parseInt(options.get("warmup"));
    int duration = Integer.parseInt(options.get("duration"));
    load(runs, concurrency, warmup);
    load(bare, concurrency, warmup);
    int rounds = Integer.parseInt(options.get("rounds"));
    for (int round = 1; round <= rounds; round++) {
      token = signIn();
      List<Endpoint> order = round % 2 == 1 ? List.of(runs, bare) : List.of(bare, runs);
      for (Endpoint endpoint : order) {
        Result result = load(endpoint, concurrency, duration);
        endpoint.results.add(result);
        System.out.printf(Locale.ROOT, "round %d  %s%n", round, result.describe(endpoint.name));
      }
    }
    System.out.println();
    System.out.println("endpoint    requests  errors   per second    p50 ms    p99 ms");
    for (Endpoint endpoint : List.of(runs, bare)) {
      System.out.println(total(endpoint).describe(endpoint.name));
    }
    Result r = total(runs);
    Result b = total(bare);
    System.out.printf(
        Locale.ROOT,
        "run / bare SSE: throughput %.2fx, p50 latency %.1fx, p99 latency %.1fx%n%n",
        r.perSecond() / b.perSecond(),
        r.percentile(50) / b.percentile(50),
        r.percentile(99) / b.percentile(99));
    openStreams(model, Integer.parseInt(options.get("streams")));
  }

  /** All rounds of an endpoint: their requests over their summed time. */
  static Result total(Endpoint endpoint) {
    return Result.merge(
        endpoint.results, endpoint.results.stream().mapToDouble(result -> result.seconds).sum());
  }

  /** One run of the task agent: posts it and reads its stream to the end. */
  Outcome runOnce() {
    return postRun("Create a bench task", null);
  }

  Outcome postRun(String message, CountDownLatch firstChunk) {
    String body =
        "{\"threadId\":\"bench-"
            + UUID.randomUUID()
            + "\",\"runId\":\"bench-"
            + UUID.randomUUID()
            + "\",\"messages\":[{\"id\":\"m1\",\"role\":\"user\",\"content\":\""
            + message
            + "\"}],\"tools\":[],\"context\":[]}";
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    options.get("base")
                        + "/api/workspaces/"
                        + options.get("workspace")
                        + "/agents/task/runs"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Accept", "text/event-stream")
            .timeout(Duration.ofMinutes(5))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return readStream(request, "RUN_FINISHED", firstChunk);
  }

  Outcome getStream(String url) {
    return readStream(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
        null,
        null);
  }

  /**
   * Reads a stream to its end and counts its events; counts {@code firstChunk} down at the first
   * text or, failing that, at the end.
   */
  Outcome readStream(HttpRequest request, String lastType, CountDownLatch firstChunk) {
    long start = System.nanoTime();
    try {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        return Outcome.failed("HTTP " + response.statusCode());
      }
      StringBuilder text = new StringBuilder();
      try (InputStream in = response.body()) {
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
          if (firstChunk != null && text.indexOf("TEXT_MESSAGE_CONTENT") >= 0) {
            opened.incrementAndGet();
            firstChunk.countDown();
            firstChunk = null;
          }
        }
      }
      long nanos = System.nanoTime() - start;
      int events = text.toString().split("\n\n").length;
      if (lastType != null && !text.toString().contains("\"type\":\"" + lastType + "\"")) {
        return Outcome.failed("the stream ended without " + lastType);
      }
      return new Outcome(nanos, events, text.length(), null);
    } catch (IOException e) {
      return Outcome.failed(e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.failed("interrupted");
    } finally {
      if (firstChunk != null) {
        firstChunk.countDown();
      }
    }
  }

  /** Closed-loop load for a number of seconds. */
  Result load(Endpoint endpoint, int workers, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    List<Future<Result>> futures = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      futures.add(
          pool.submit(
              () -> {
                Result result = new Result(seconds);
                while (System.nanoTime() < deadline) {
                  result.add(endpoint.request.call());
                }
                return result;
              }));
    }
    List<Result> results = new ArrayList<>();
    for (Future<Result> future : futures) {
      results.add(future.get());
    }
    pool.shutdown();
    return Result.merge(results, seconds);
  }

  /** Opens runs the model keeps waiting and reports the heap they take. */
  void openStreams(ScriptedModel model, int count) throws Exception {
    token = signIn();
    double before = heapBytes();
    CountDownLatch started = new CountDownLatch(count);
    ExecutorService clients = Executors.newCachedThreadPool();
    List<Future<Outcome>> streams = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      streams.add(clients.submit(() -> postRun(HOLD, started)));
    }
    boolean allOpen = started.await(3, TimeUnit.MINUTES);
    double open = heapBytes();
    System.out.printf(
        Locale.ROOT,
        "open run streams: %d of %d showed their first chunk within %.1f s (%s)%n",
        opened.get(),
        count,
        (System.nanoTime() - start) / 1e9,
        allOpen && opened.get() == count ? "all open at once" : "not all opened");
    System.out.printf(
        Locale.ROOT,
        "heap used: %.1f MB before, %.1f MB with them open (%.1f KB per stream)%n",
        before / 1e6,
        open / 1e6,
        (open - before) / 1e3 / count);
    model.release();
    int finished = 0;
    for (Future<Outcome> stream : streams) {
      if (stream.get(3, TimeUnit.MINUTES).error == null) {
        finished++;
      }
    }
    System.out.printf(Locale.ROOT, "released: %d of %d finished normally%n", finished, count);
    clients.shutdown();
  }

  /**
   * The server's used heap, from /metrics; with --server-pid (Payara's process on this machine)
   * after a full GC through jcmd, so the figure is what is live rather than garbage.
   */
  double heapBytes() throws Exception {
    if (!options.get("server-pid").isEmpty()) {
      new ProcessBuilder("jcmd", options.get("server-pid"), "GC.run")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor();
    }
    String metrics =
        http.send(
                HttpRequest.newBuilder(URI.create(options.get("base") + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher matcher = HEAP.matcher(metrics);
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
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

  record Outcome(long nanos, int events, int bytes, String error) {
    static Outcome failed(String error) {
      return new Outcome(0, 0, 0, error);
    }
  }

  record Endpoint(String name, java.util.concurrent.Callable<Outcome> request, List<Result> results) {
    Endpoint(String name, java.util.concurrent.Callable<Outcome> request) {
      this(name, request, new ArrayList<>());
    }
  }

  /** Latencies of good requests, and errors, over a measured number of seconds. */
  static final class Result {
    final double seconds;
    long[] nanos = new long[64];
    int count;
    int errors;

    Result(double seconds) {
      this.seconds = seconds;
    }

    void add(Outcome outcome) {
      if (outcome.error != null) {
        errors++;
        return;
      }
      if (count == nanos.length) {
        nanos = Arrays.copyOf(nanos, count * 2);
      }
      nanos[count++] = outcome.nanos;
    }

    /** The parts' requests over {@code seconds}: a load's workers share its time. */
    static Result merge(List<Result> results, double seconds) {
      Result merged = new Result(seconds);
      for (Result result : results) {
        for (int i = 0; i < result.count; i++) {
          merged.add(new Outcome(result.nanos[i], 0, 0, null));
        }
        merged.errors += result.errors;
      }
      return merged;
    }

    double perSecond() {
      return count / seconds;
    }

    double percentile(int p) {
      if (count == 0) {
        return Double.NaN;
      }
      long[] sorted = Arrays.copyOf(nanos, count);
      Arrays.sort(sorted);
      return sorted[Math.min(count - 1, (int) Math.ceil(p / 100.0 * count) - 1)] / 1e6;
    }

    String describe(String name) {
      return String.format(
          Locale.ROOT,
          "%-10s %9d %7d %12.1f %9.2f %9.2f",
          name,
          count,
          errors,
          perSecond(),
          percentile(50),
          percentile(99));
    }
  }

  /**
   * A zero-latency OpenAI-compatible chat server: a request whose last message is a tool result
   * gets 20 text chunks; one asking to hold gets one chunk and then waits for release(); any other
   * gets a create_task tool call.
   */
  static final class ScriptedModel implements AutoCloseable {
    static final Pattern LAST_ROLE = Pattern.compile("\"role\"\\s*:\\s*\"([a-z]+)\"");
    final HttpServer server;
    final CountDownLatch released = new CountDownLatch(1);
    final AtomicInteger tasks = new AtomicInteger();

    ScriptedModel(int port) throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      server.setExecutor(Executors.newCachedThreadPool());
      server.createContext("/", this::answer);
      server.start();
    }

    void release() {
      released.countDown();
    }

    void answer(HttpExchange exchange) throws IOException {
      String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String lastRole = "";
      for (Matcher roles = LAST_ROLE.matcher(request); roles.find(); ) {
        lastRole = roles.group(1);
      }
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        if (lastRole.equals("tool")) {
          for (int i = 0; i < 20; i++) {
            chunk(out, "{\"content\":\"word " + i + " \"}", null);
          }
          chunk(out, "{}", "stop");
        } else if (request.contains(HOLD)) {
          chunk(out, "{\"content\":\"Holding \"}", null);
          try {
            released.await(10, TimeUnit.MINUTES);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          chunk(out, "{}", "stop");
        } else {
          String arguments =
              "{\\\"title\\\":\\\"Bench task " + tasks.incrementAndGet() + "\\\"}";
          chunk(
              out,
              "{\"tool_calls\":[{\"index\":0,\"id\":\"call_"
                  + UUID.randomUUID()
                  + "\",\"type\":\"function\",\"function\":{\"name\":\"create_task\","
                  + "\"arguments\":\""
                  + arguments
                  + "\"}}]}",
              null);
          chunk(out, "{}", "tool_calls");
        }
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
      }
    }

    static void chunk(OutputStream out, String delta, String finishReason) throws IOException {
      String json =
          "{\"id\":\"bench\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"bench\","
              + "\"choices\":[{\"index\":0,\"delta\":"
              + delta
              + ",\"finish_reason\":"
              + (finishReason == null ? "null" : "\"" + finishReason + "\"")
              + "}]}";
      out.write(("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
