package io.steward.bench.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Hybrid search over a synthetic knowledge base of 100,000 passages on a running Steward:
 *
 * <ol>
 *   <li>signs in (password grant, {@code steward-cli}) and creates a workspace (or takes {@code
 *       --workspace});
 *   <li>uploads the corpus as CSV documents through {@code POST
 *       /api/workspaces/{id}/knowledge/documents} and polls {@code knowledgeDocuments} until every
 *       document is READY: end-to-end ingestion throughput;
 *   <li>embeds a sample of the same passages with the same model in this JVM: the model's raw
 *       throughput on this machine;
 *   <li>sends {@code --queries} searches in each mode (HYBRID, VECTOR, FULLTEXT; one client, the
 *       modes' order rotating from query to query): latency percentiles;
 *   <li>reads every stored vector of the workspace from PostgreSQL ({@code knowledge_chunk}) and
 *       ranks them exactly against each query's vector: recall@10 of VECTOR search.
 * </ol>
 */
final class SearchBench {

  enum Mode {
    HYBRID,
    VECTOR,
    FULLTEXT
  }

  static final Duration TIMEOUT = Duration.ofMinutes(2);
  static final String SEARCH =
      "query($w: ID!, $q: String!, $m: KnowledgeSearchMode, $n: Int) { searchKnowledge("
          + "workspaceId: $w, query: $q, mode: $m, first: $n) { totalCount hits { chunkId score"
          + " text highlights citation { documentId title section page } } } }";

  private final Options options;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();
  private String token;
  private long tokenAt;

  SearchBench(Options options) {
    this.options = options;
  }

  static Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("base", "http://localhost:8080");
    defaults.put("keycloak", "http://localhost:8180");
    defaults.put("user", "alice");
    defaults.put("password", "steward");
    defaults.put("db", "jdbc:postgresql://127.0.0.1:5432/steward");
    defaults.put("db-user", "postgres");
    defaults.put("db-password", "");
    defaults.put("workspace", "");
    defaults.put("chunks", "100000");
    defaults.put("rows-per-document", "5000");
    defaults.put("raw-sample", "10000");
    defaults.put("queries", "300");
    defaults.put("warmup", "30");
    defaults.put("first", "10");
    defaults.put("poll-seconds", "5");
    defaults.put("index-dir", "");
    defaults.put("server-pid", "");
    defaults.put("seed", "42");
    defaults.put("model", "quantized");
    return defaults;
  }

  void run() throws Exception {
    int chunks = options.getInt("chunks");
    long seed = options.getLong("seed");
    System.out.printf(
        "knowledge search bench: %d passages, %d queries per mode, first %d; %d processors%n",
        chunks, options.getInt("queries"), options.getInt("first"), cpus());
    List<SyntheticCorpus.Row> rows = SyntheticCorpus.rows(chunks, seed);
    System.out.printf(
        Locale.ROOT,
        "corpus   %d passages of %.0f characters on average, %d CSV documents of %d rows%n",
        rows.size(),
        rows.stream().mapToInt(r -> r.passage().length()).average().orElse(0),
        (rows.size() + options.getInt("rows-per-document") - 1)
            / options.getInt("rows-per-document"),
        options.getInt("rows-per-document"));

    String workspace = options.get("workspace");
    if (workspace.isEmpty()) {
      workspace = createWorkspace();
    }
    System.out.println("workspace " + workspace);

    Ingestion ingestion = ingest(workspace, rows);

    Models variant = Models.named(options.get("model"));
    EmbeddingModel model = variant.create();
    Raw raw = rawThroughput(variant, model, rows, options.getInt("raw-sample"));
    if (ingestion != null) {
      System.out.printf(
          Locale.ROOT,
          "ingestion / raw model: %.2fx by wall clock (%.1f of %.1f chunks/s)%n",
          ingestion.chunksPerSecond() / raw.chunksPerSecond(),
          ingestion.chunksPerSecond(),
          raw.chunksPerSecond());
      if (!Double.isNaN(ingestion.serverCpuSeconds())) {
        double cpuPerChunk = 1000 * ingestion.serverCpuSeconds() / ingestion.chunks();
        System.out.printf(
            Locale.ROOT,
            "ingestion / raw model: %.2fx by CPU time (%.1f against %.1f CPU ms per chunk)%n",
            raw.cpuMillisPerChunk() / cpuPerChunk,
            cpuPerChunk,
            raw.cpuMillisPerChunk());
      }
    }

    List<String> queries = SyntheticCorpus.queries(options.getInt("queries"), chunks, seed);
    Map<Mode, double[]> latencies = new EnumMap<>(Mode.class);
    Map<String, List<UUID>> vectorHits = new HashMap<>();
    Map<String, List<UUID>> vectorHits50 = new HashMap<>();
    Map<String, Double> topScores = new HashMap<>();
    search(workspace, queries, latencies, vectorHits, topScores);
    double[] wide = new double[queries.size()];
    for (int i = 0; i < queries.size(); i++) {
      token(); // renewed outside the timed request
      long start = System.nanoTime();
      JsonNode result = searchOnce(workspace, queries.get(i), Mode.VECTOR, 50);
      wide[i] = (System.nanoTime() - start) / 1e6;
      vectorHits50.put(queries.get(i), chunkIds(result, 10));
    }

    System.out.println();
    System.out.printf(
        "mode        queries    mean ms     p50 ms     p95 ms     p99 ms     max ms%n");
    for (Mode mode : Mode.values()) {
      print(mode.name() + " " + options.getInt("first"), latencies.get(mode));
    }
    print("VECTOR 50", wide);
    System.out.println("search   done, " + Stats.loadAverage());

    recall(workspace, model, queries, vectorHits, vectorHits50, topScores);
    storage(workspace);
  }

  private static int cpus() {
    return Runtime.getRuntime().availableProcessors();
  }

  private static void print(String name, double[] millis) {
    System.out.printf(
        Locale.ROOT,
        "%-10s %8d %10.1f %10.1f %10.1f %10.1f %10.1f%n",
        name,
        millis.length,
        Stats.mean(millis),
        Stats.percentile(millis, 50),
        Stats.percentile(millis, 95),
        Stats.percentile(millis, 99),
        Stats.percentile(millis, 100));
  }

  // ------------------------------------------------------------------ workspace

  private String createWorkspace() throws Exception {
    JsonNode data =
        graphql(
            "mutation($n: String!) { createWorkspace(name: $n) { id } }",
            Map.of("n", "Knowledge bench " + Instant.now().toString().substring(0, 19)));
    String id = data.at("/createWorkspace/id").asText();
    // The new membership shows only in tokens issued after it.
    token = null;
    return id;
  }

  // ------------------------------------------------------------------ ingestion

  /** Chunks made READY, the wall time it took, and the server's CPU seconds (NaN if unknown). */
  record Ingestion(int chunks, double seconds, double serverCpuSeconds) {
    double chunksPerSecond() {
      return chunks / seconds;
    }
  }

  /** What the model alone does: chunks per second, and CPU milliseconds per chunk. */
  record Raw(double chunksPerSecond, double cpuMillisPerChunk) {}

  /**
   * CPU seconds (user + system) the server process has used so far, from /proc; NaN without
   * --server-pid (or off Linux).
   */
  private double serverCpuSeconds() {
    if (options.get("server-pid").isEmpty()) {
      return Double.NaN;
    }
    try {
      String stat = Files.readString(Path.of("/proc", options.get("server-pid"), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name.
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /**
   * Uploads all documents, then polls until each is READY or FAILED. Returns null when the
   * workspace already held the corpus (nothing was ingested, so there is nothing to time).
   */
  private Ingestion ingest(String workspace, List<SyntheticCorpus.Row> rows) throws Exception {
    List<byte[]> documents =
        SyntheticCorpus.csvDocuments(rows, options.getInt("rows-per-document"));
    long start = System.nanoTime();
    double cpuStart = serverCpuSeconds();
    System.out.println("ingest   " + Stats.loadAverage());
    int created = 0;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      HttpResponse<String> response = upload(workspace, i + 1, documents.get(i));
      if (response.statusCode() == 202) {
        created++;
      } else if (response.statusCode() != 200) {
        throw new IOException(
            "upload " + (i + 1) + ": HTTP " + response.statusCode() + " " + response.body());
      }
      ids.add(json.readTree(response.body()).get("id").asText());
    }
    double uploadSeconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "upload   %d documents (%d new, %.1f MB) in %.1f s%n",
        documents.size(),
        created,
        documents.stream().mapToLong(d -> d.length).sum() / 1e6,
        uploadSeconds);
    Set<String> pending = new HashSet<>(ids);
    int total = 0;
    int failed = 0;
    double embeddedAt = Double.NaN;
    long poll = options.getLong("poll-seconds") * 1000;
    long lastPrint = 0;
    while (true) {
      JsonNode edges =
          graphql(
                  "query($w: ID!) { knowledgeDocuments(workspaceId: $w, first: 100) { edges {"
                      + " node { id status chunksDone chunksTotal failure } } } }",
                  Map.of("w", workspace))
              .at("/knowledgeDocuments/edges");
      int done = 0;
      int ready = 0;
      int sumTotal = 0;
      int embeddedDocs = 0;
      failed = 0;
      total = 0;
      for (JsonNode edge : edges) {
        JsonNode node = edge.get("node");
        if (!ids.contains(node.get("id").asText())) {
          continue;
        }
        String status = node.get("status").asText();
        int chunksDone = node.get("chunksDone").asInt();
        int chunksTotal = node.get("chunksTotal").asInt();
        done += chunksDone;
        sumTotal += chunksTotal;
        if (chunksTotal > 0 && chunksDone == chunksTotal) {
          embeddedDocs++;
        }
        if (status.equals("READY")) {
          ready++;
          total += chunksTotal;
          pending.remove(node.get("id").asText());
        } else if (status.equals("FAILED")) {
          failed++;
          pending.remove(node.get("id").asText());
          System.out.println("FAILED   " + node.get("id").asText() + ": " + node.get("failure"));
        }
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      if (Double.isNaN(embeddedAt) && embeddedDocs == ids.size()) {
        embeddedAt = elapsed;
      }
      if (pending.isEmpty() || System.currentTimeMillis() - lastPrint > 60_000) {
        lastPrint = System.currentTimeMillis();
        System.out.printf(
            Locale.ROOT,
            "ingest   %6.0f s: %d/%d documents READY, %d FAILED, %d of %d chunks embedded%n",
            elapsed,
            ready,
            ids.size(),
            failed,
            done,
            sumTotal);
      }
      if (pending.isEmpty()) {
        break;
      }
      Thread.sleep(poll);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpu = serverCpuSeconds() - cpuStart;
    if (created < documents.size()) {
      System.out.printf(
          "ingest   the workspace already held %d of the documents: ingestion not timed%n",
          documents.size() - created);
      return null;
    }
    Ingestion result = new Ingestion(total, seconds, cpu);
    System.out.printf(
        Locale.ROOT,
        "ingest   %d chunks READY in %.1f s (first upload to last READY): %.1f chunks/s;"
            + " all embedded after %.0f s (±%d s)%n",
        total,
        seconds,
        result.chunksPerSecond(),
        embeddedAt,
        options.getLong("poll-seconds"));
    if (!Double.isNaN(cpu)) {
      System.out.printf(
          Locale.ROOT,
          "ingest   server CPU %.0f s: %.1f ms per chunk, %.2f cores busy on average; %s%n",
          cpu,
          1000 * cpu / total,
          cpu / seconds,
          Stats.loadAverage());
    }
    if (failed > 0) {
      System.out.println("WARNING  " + failed + " documents FAILED");
    }
    return result;
  }

  private HttpResponse<String> upload(String workspace, int number, byte[] csv) throws Exception {
    String boundary = "bench" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String fileName = String.format("knowledge-bench-%03d.csv", number);
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(csv);
    body.writeBytes(
        ("\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nKnowledge bench "
                + number
                + "\r\n--"
                + boundary
                + "--\r\n")
            .getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    options.get("base") + "/api/workspaces/" + workspace + "/knowledge/documents"))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token())
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  // ------------------------------------------------------------------ raw model throughput

  /**
   * The same passages embedded directly, in Steward's batches, after a warm-up: wall-clock rate,
   * and this process's CPU time per chunk (comparable with the server's when the machine is
   * shared).
   */
  static Raw rawThroughput(
      Models variant, EmbeddingModel model, List<SyntheticCorpus.Row> rows, int sample) {
    List<String> texts =
        rows.subList(0, Math.min(rows.size(), sample)).stream()
            .map(SyntheticCorpus.Row::passage)
            .toList();
    Models.embed(model, texts.subList(0, Math.min(64, texts.size())));
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    String loadBefore = Stats.loadAverage();
    long cpuStart = os.getProcessCpuTime();
    long start = System.nanoTime();
    Models.embed(model, texts);
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuMillis = (os.getProcessCpuTime() - cpuStart) / 1e6;
    Raw raw = new Raw(texts.size() / seconds, cpuMillis / texts.size());
    System.out.printf(
        Locale.ROOT,
        "raw      %s in this JVM: %d passages in %.1f s: %.1f chunks/s (batches of %d);"
            + " CPU %.1f ms per chunk, %.2f cores busy; %s before, %s after%n",
        variant.label,
        texts.size(),
        seconds,
        raw.chunksPerSecond(),
        Models.BATCH,
        raw.cpuMillisPerChunk(),
        cpuMillis / 1000 / seconds,
        loadBefore,
        Stats.loadAverage());
    return raw;
  }

  // ------------------------------------------------------------------ search latency

  private void search(
      String workspace,
      List<String> queries,
      Map<Mode, double[]> latencies,
      Map<String, List<UUID>> vectorHits,
      Map<String, Double> topScores)
      throws Exception {
    int first = options.getInt("first");
    List<String> warmup =
        SyntheticCorpus.queries(
            options.getInt("warmup"), options.getInt("chunks"), options.getLong("seed") + 1);
    for (String query : warmup) {
      for (Mode mode : Mode.values()) {
        searchOnce(workspace, query, mode, first);
      }
    }
    Mode[] modes = Mode.values();
    for (Mode mode : modes) {
      latencies.put(mode, new double[queries.size()]);
    }
    System.out.println("search   " + Stats.loadAverage());
    Map<Mode, Long> hitsTotal = new EnumMap<>(Mode.class);
    Map<Mode, Integer> empty = new EnumMap<>(Mode.class);
    for (int i = 0; i < queries.size(); i++) {
      String query = queries.get(i);
      for (int m = 0; m < modes.length; m++) {
        Mode mode = modes[(i + m) % modes.length];
        token(); // renewed outside the timed request
        long start = System.nanoTime();
        JsonNode result = searchOnce(workspace, query, mode, first);
        latencies.get(mode)[i] = (System.nanoTime() - start) / 1e6;
        int hits = result.get("hits").size();
        hitsTotal.merge(mode, (long) hits, Long::sum);
        if (hits == 0) {
          empty.merge(mode, 1, Integer::sum);
        }
        if (mode == Mode.VECTOR) {
          vectorHits.put(query, chunkIds(result, first));
          if (hits > 0) {
            topScores.put(query, result.at("/hits/0/score").asDouble());
          }
        }
      }
    }
    for (Mode mode : modes) {
      System.out.printf(
          Locale.ROOT,
          "search   %-8s %.1f hits per query, %d queries without hits%n",
          mode,
          hitsTotal.getOrDefault(mode, 0L) / (double) queries.size(),
          empty.getOrDefault(mode, 0));
    }
  }

  private JsonNode searchOnce(String workspace, String query, Mode mode, int first)
      throws Exception {
    return graphql(SEARCH, Map.of("w", workspace, "q", query, "m", mode.name(), "n", first))
        .get("searchKnowledge");
  }

  private static List<UUID> chunkIds(JsonNode result, int limit) {
    List<UUID> ids = new ArrayList<>();
    for (JsonNode hit : result.get("hits")) {
      if (ids.size() < limit) {
        ids.add(UUID.fromString(hit.get("chunkId").asText()));
      }
    }
    return ids;
  }

  // ------------------------------------------------------------------ recall

  /**
   * recall@10 of VECTOR search: of the 10 passages closest to the query over all stored vectors
   * (exact cosine), the share the search returned in its first 10.
   */
  private void recall(
      String workspace,
      EmbeddingModel model,
      List<String> queries,
      Map<String, List<UUID>> vectorHits,
      Map<String, List<UUID>> vectorHits50,
      Map<String, Double> topScores)
      throws Exception {
    List<UUID> ids = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    long start = System.nanoTime();
    try (Connection db =
            DriverManager.getConnection(
                options.get("db"), options.get("db-user"), options.get("db-password"));
        PreparedStatement select =
            db.prepareStatement(
                "select id, embedding from knowledge_chunk where workspace_id = ?")) {
      db.setAutoCommit(false);
      select.setFetchSize(5000);
      select.setObject(1, UUID.fromString(workspace));
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getObject(1, UUID.class));
          Array array = rs.getArray(2);
          Object[] values = (Object[]) array.getArray();
          float[] vector = new float[values.length];
          for (int i = 0; i < values.length; i++) {
            vector[i] = ((Number) values[i]).floatValue();
          }
          vectors.add(vector);
          array.free();
        }
      }
    }
    float[][] all = vectors.toArray(new float[0][]);
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "vectors  %d read from knowledge_chunk in %.1f s%n",
        all.length,
        (System.nanoTime() - start) / 1e9);
    int k = 10;
    float[][] queryVectors = Models.embed(model, queries);
    start = System.nanoTime();
    int[][] exact =
        IntStream.range(0, queries.size())
            .parallel()
            .mapToObj(q -> Stats.topK(queryVectors[q], all, k))
            .toArray(int[][]::new);
    double bruteMillis = (System.nanoTime() - start) / 1e6 / queries.size();
    double[] recall10 = new double[queries.size()];
    double[] recall50 = new double[queries.size()];
    double scoreError = 0;
    Map<UUID, Integer> position = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      position.put(ids.get(i), i);
    }
    for (int q = 0; q < queries.size(); q++) {
      Set<UUID> truth = new HashSet<>();
      for (int i : exact[q]) {
        truth.add(ids.get(i));
      }
      recall10[q] = overlap(truth, vectorHits.get(queries.get(q))) / (double) k;
      recall50[q] = overlap(truth, vectorHits50.get(queries.get(q))) / (double) k;
      List<UUID> hits = vectorHits.get(queries.get(q));
      if (!hits.isEmpty() && topScores.containsKey(queries.get(q))) {
        // Lucene's cosine score is (1 + cosine) / 2.
        double expected = (1 + Models.dot(queryVectors[q], all[position.get(hits.get(0))])) / 2;
        scoreError = Math.max(scoreError, Math.abs(expected - topScores.get(queries.get(q))));
      }
    }
    System.out.printf(
        Locale.ROOT,
        "exact    brute-force cosine over all %d vectors: %.1f ms per query (%d threads, in this"
            + " JVM)%n",
        all.length,
        bruteMillis,
        cpus());
    System.out.printf(
        Locale.ROOT,
        "recall@10 VECTOR first 10: mean %.3f, min %.1f, %.0f %% of queries complete%n",
        Stats.mean(recall10),
        Stats.percentile(recall10, 0),
        100.0 * Stream.of(box(recall10)).filter(r -> r == 1.0).count() / recall10.length);
    System.out.printf(
        Locale.ROOT,
        "recall@10 VECTOR first 50, its first 10 (the depth HYBRID fuses): mean %.3f, min %.1f, %.0f"
            + " %% of queries complete%n",
        Stats.mean(recall50),
        Stats.percentile(recall50, 0),
        100.0 * Stream.of(box(recall50)).filter(r -> r == 1.0).count() / recall50.length);
    System.out.printf(
        Locale.ROOT,
        "check    server's top VECTOR score vs (1 + cosine) / 2 computed here: max difference %.2e%n",
        scoreError);
  }

  private static Double[] box(double[] values) {
    return java.util.Arrays.stream(values).boxed().toArray(Double[]::new);
  }

  private static int overlap(Set<UUID> truth, List<UUID> found) {
    int n = 0;
    for (UUID id : found) {
      if (truth.contains(id)) {
        n++;
      }
    }
    return n;
  }

  // ------------------------------------------------------------------ storage

  private void storage(String workspace) throws Exception {
    try (Connection db =
            DriverManager.getConnection(
                options.get("db"), options.get("db-user"), options.get("db-password"));
        PreparedStatement size =
            db.prepareStatement(
                "select pg_total_relation_size('knowledge_chunk'),"
                    + " pg_total_relation_size('knowledge_document_content')");
        ResultSet rs = size.executeQuery()) {
      rs.next();
      System.out.printf(
          Locale.ROOT,
          "storage  PostgreSQL knowledge_chunk %.0f MB, knowledge_document_content %.0f MB%n",
          rs.getLong(1) / 1e6,
          rs.getLong(2) / 1e6);
    }
    if (!options.get("index-dir").isEmpty()) {
      Path index = Path.of(options.get("index-dir"));
      try (Stream<Path> files = Files.walk(index)) {
        long bytes =
            files
                .filter(Files::isRegularFile)
                .mapToLong(
                    file -> {
                      try {
                        return Files.size(file);
                      } catch (IOException e) {
                        return 0;
                      }
                    })
                .sum();
        System.out.printf(Locale.ROOT, "storage  Lucene index %s: %.0f MB%n", index, bytes / 1e6);
      }
    }
  }

  // ------------------------------------------------------------------ HTTP

  private JsonNode graphql(String query, Map<String, Object> variables) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", query);
    body.put("variables", variables);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(options.get("base") + "/graphql"))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GraphQL: HTTP " + response.statusCode() + " " + response.body());
    }
    JsonNode answer = json.readTree(response.body());
    if (answer.hasNonNull("errors")) {
      throw new IOException("GraphQL errors: " + answer.get("errors"));
    }
    return answer.get("data");
  }

  /** A token at most a minute old (access tokens live five minutes). */
  private String token() throws Exception {
    if (token == null || System.nanoTime() - tokenAt > Duration.ofSeconds(60).toNanos()) {
      String form =
          "grant_type=password&client_id=steward-cli&username="
              + URLEncoder.encode(options.get("user"), StandardCharsets.UTF_8)
              + "&password="
              + URLEncoder.encode(options.get("password"), StandardCharsets.UTF_8);
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          options.get("keycloak")
                              + "/realms/steward/protocol/openid-connect/token"))
                  .timeout(TIMEOUT)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("sign-in: HTTP " + response.statusCode() + " " + response.body());
      }
      token = json.readTree(response.body()).get("access_token").asText();
      tokenAt = System.nanoTime();
    }
    return token;
  }
}
