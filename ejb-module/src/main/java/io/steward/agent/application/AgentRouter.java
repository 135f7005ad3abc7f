package io.steward.agent.application;

import io.steward.agent.spi.Agent;
import io.steward.provider.domain.EmbeddingModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Picks the agent for a message by meaning: the message is embedded with the in-process model and
 * compared with each agent's description and example requests; the closest agent wins, and when
 * nothing is close enough the task agent takes it. Deterministic and free: it routes for the
 * offline model, and for hosted models whose intent classification gave no usable answer.
 */
@ApplicationScoped
public class AgentRouter {

  /** Below this cosine similarity a message is "unclear" and goes to the fallback agent. */
  static final double MIN_SIMILARITY = 0.35;

  @Inject AgentRegistry registry;
  @Inject EmbeddingModel embeddings;

  private volatile List<Example> examples;

  /** The chosen agent and how close the message came to it. */
  public record Route(Agent agent, double similarity) {}

  /** The closest agent by meaning; below {@link #MIN_SIMILARITY} the fallback agent. */
  public Route route(String message) {
    return route(message, agent -> false);
  }

  /**
   * The closest agent by meaning among those {@code able} to act on the message, however close it
   * is; when none is able, the closest of all, as {@link #route(String)}. A model that understands
   * only some requests (the offline one) says which agents can serve the message, so that the
   * request reaches one of them even when its words are closer to another agent's examples.
   */
  public Route route(String message, Predicate<Agent> able) {
    Agent fallback =
        registry.agent(AgentRegistry.FALLBACK_AGENT).orElseGet(() -> registry.agents().get(0));
    if (message == null || message.isBlank()) {
      return new Route(fallback, 0);
    }
    float[] query = embeddings.embed(List.of(message)).get(0);
    Route best = new Route(fallback, MIN_SIMILARITY);
    Route bestAble = null;
    Map<Agent, Boolean> ableAgents = new HashMap<>();
    for (Example example : examples()) {
      double similarity = cosine(query, example.vector());
      if (similarity > best.similarity()) {
        best = new Route(example.agent(), similarity);
      }
      if ((bestAble == null || similarity > bestAble.similarity())
          && ableAgents.computeIfAbsent(example.agent(), able::test)) {
        bestAble = new Route(example.agent(), similarity);
      }
    }
    return bestAble != null ? bestAble : best;
  }

  private List<Example> examples() {
    if (examples == null) {
      List<Agent> agents = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      for (Agent agent : registry.agents()) {
        agents.add(agent);
        texts.add(agent.description());
        for (String example : agent.examples()) {
          agents.add(agent);
          texts.add(example);
        }
      }
      List<float[]> vectors = embeddings.embed(texts);
      List<Example> embedded = new ArrayList<>();
      for (int i = 0; i < texts.size(); i++) {
        embedded.add(new Example(agents.get(i), vectors.get(i)));
      }
      examples = embedded;
    }
    return examples;
  }

  public static double cosine(float[] a, float[] b) {
    double dot = 0;
    double normA = 0;
    double normB = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      normA += a[i] * a[i];
      normB += b[i] * b[i];
    }
    return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
  }

  private record Example(Agent agent, float[] vector) {}
}
