package io.steward.provider.infrastructure.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.steward.provider.domain.EmbeddingModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * all-MiniLM-L6-v2, quantized to 8-bit weights, running in the server's JVM (ONNX Runtime; 384
 * dimensions). Loaded on first use — about a second — and then shared; it is thread-safe. Its
 * vectors differ slightly from the full model's, so it has a name of its own: passages the full
 * model embedded are embedded again.
 */
@ApplicationScoped
public class AllMiniLmEmbeddingModel implements EmbeddingModel {

  public static final String NAME = "all-minilm-l6-v2-q";
  public static final int DIMENSION = 384;

  private volatile AllMiniLmL6V2QuantizedEmbeddingModel model;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    return model().embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
        .map(Embedding::vector)
        .toList();
  }

  private AllMiniLmL6V2QuantizedEmbeddingModel model() {
    AllMiniLmL6V2QuantizedEmbeddingModel loaded = model;
    if (loaded == null) {
      synchronized (this) {
        if (model == null) {
          model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        }
        loaded = model;
      }
    }
    return loaded;
  }
}
