package io.steward.bench.knowledge;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Knowledge-base benchmarks (see bench/README.md):
 *
 * <pre>
 *   java -jar bench/knowledge/target/knowledge-bench.jar models [--option value ...]
 *   java -Xmx3g -jar bench/knowledge/target/knowledge-bench.jar search [--option value ...]
 *   java -jar bench/knowledge/target/knowledge-bench.jar raw [--raw-sample N]
 * </pre>
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || args[0].equals("--help")) {
      usage();
      return;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "models" -> new ModelComparison(Options.parse(rest, modelDefaults())).run();
      case "model-load" -> ModelComparison.loadOnce(Models.named(rest[0]));
      case "search" -> new SearchBench(Options.parse(rest, SearchBench.defaults())).run();
      case "raw" -> {
        Options options = Options.parse(rest, SearchBench.defaults());
        Models variant = Models.named(options.get("model"));
        SearchBench.rawThroughput(
            variant,
            variant.create(),
            SyntheticCorpus.rows(options.getInt("chunks"), options.getLong("seed")),
            options.getInt("raw-sample"));
      }
      default -> usage();
    }
    System.exit(0);
  }

  static Map<String, String> modelDefaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("ear", "ear/target/steward.ear");
    defaults.put("load-runs", "5");
    defaults.put("sample", "4000");
    defaults.put("long", "400");
    defaults.put("block", "128");
    defaults.put("queries", "300");
    defaults.put("seed", "42");
    return defaults;
  }

  private static void usage() {
    System.out.println("usage: models [options] | search [options] | raw [search options]");
    System.out.println("models options (defaults): " + modelDefaults());
    System.out.println("search options (defaults): " + SearchBench.defaults());
  }
}
