package io.steward.bench.knowledge;

import java.util.Arrays;
import java.util.PriorityQueue;

/** Percentiles and exact nearest neighbours. */
final class Stats {

  private Stats() {}

  /** Nearest-rank percentile of values (any order), or NaN when there are none. */
  static double percentile(double[] values, double p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** The machine's load averages (1, 5, 15 minutes), to show whether it was busy elsewhere. */
  static String loadAverage() {
    try {
      String[] fields =
          java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
      return "load average " + fields[0] + " " + fields[1] + " " + fields[2];
    } catch (java.io.IOException | RuntimeException e) {
      return "load average unknown";
    }
  }

  static double mean(double[] values) {
    return Arrays.stream(values).average().orElse(Double.NaN);
  }

  static double median(double[] values) {
    return percentile(values, 50);
  }

  /**
   * Indexes of the {@code k} vectors with the largest dot product with {@code query} (cosine, for
   * unit vectors), best first: exact search over all of them.
   */
  static int[] topK(float[] query, float[][] vectors, int k) {
    PriorityQueue<float[]> heap = new PriorityQueue<>(k + 1, (a, b) -> Float.compare(a[0], b[0]));
    for (int i = 0; i < vectors.length; i++) {
      float score = Models.dot(query, vectors[i]);
      if (heap.size() < k) {
        heap.add(new float[] {score, i});
      } else if (score > heap.peek()[0]) {
        heap.poll();
        heap.add(new float[] {score, i});
      }
    }
    int[] best = new int[heap.size()];
    for (int i = best.length - 1; i >= 0; i--) {
      best[i] = (int) heap.poll()[1];
    }
    return best;
  }

  /** Rank (1 = first) of {@code target} among all vectors by dot product with the query. */
  static int rankOf(float[] query, float[][] vectors, int target) {
    float score = Models.dot(query, vectors[target]);
    int rank = 1;
    for (int i = 0; i < vectors.length; i++) {
      if (i != target && Models.dot(query, vectors[i]) > score) {
        rank++;
      }
    }
    return rank;
  }
}
