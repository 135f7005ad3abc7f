package io.steward.bench.knowledge;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The two in-process model variants, used the way Steward uses them. */
enum Models {
  FULL("all-minilm-l6-v2", AllMiniLmL6V2EmbeddingModel.class),
  QUANTIZED("all-minilm-l6-v2-q", AllMiniLmL6V2QuantizedEmbeddingModel.class);

  /** Steward embeds an ingested document's chunks 32 at a time (KnowledgeIngestion). */
  static final int BATCH = 32;

  final String label;
  final Class<? extends EmbeddingModel> type;

  Models(String label, Class<? extends EmbeddingModel> type) {
    this.label = label;
    this.type = type;
  }

  static Models named(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  /** A new instance; the first one in a JVM loads the model (a static initializer). */
  EmbeddingModel create() {
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The jar the model's class came from. */
  Path jar() {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Embeds texts in Steward's batches; the vectors are normalized (unit length). */
  static float[][] embed(EmbeddingModel model, List<String> texts) {
    List<float[]> vectors = new ArrayList<>(texts.size());
    for (int from = 0; from < texts.size(); from += BATCH) {
      List<TextSegment> batch =
          texts.subList(from, Math.min(texts.size(), from + BATCH)).stream()
              .map(TextSegment::from)
              .toList();
      for (Embedding embedding : model.embedAll(batch).content()) {
        vectors.add(embedding.vector());
      }
    }
    return vectors.toArray(new float[0][]);
  }

  static float dot(float[] a, float[] b) {
    float sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
