package io.steward.knowledge.application.internal;

import io.steward.knowledge.domain.KnowledgeChunk;
import io.steward.provider.domain.EmbeddingModel;
import io.steward.tenancy.application.Caller;
import io.steward.tenancy.application.CurrentCaller;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Embeds again the passages another embedding model embedded (each passage stores its model's
 * name), batch by batch, each batch stored and re-indexed in a transaction of its own; searches
 * keep working meanwhile, with the passages not yet done ranked by their old vectors.
 */
@Stateless
public class KnowledgeReembedding {

  static final String ACTOR = "steward-reembedding";
  private static final Logger LOG = Logger.getLogger(KnowledgeReembedding.class.getName());
  private static final int BATCH = 32;
  private static final String OUTDATED =
      " from KnowledgeChunk c where c.workspaceId = :workspace"
          + " and (c.embeddingModel is null or c.embeddingModel <> :model)";

  @Inject EmbeddingModel embeddings;
  @Inject CurrentCaller currentCaller;
  @EJB KnowledgeReembedding self;

  @PersistenceContext(unitName = "steward")
  EntityManager em;

  /** How many of the workspace's passages another model embedded. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public long outdated(UUID workspace) {
    return em.createQuery("select count(c)" + OUTDATED, Long.class)
        .setParameter("workspace", workspace)
        .setParameter("model", embeddings.name())
        .getSingleResult();
  }

  /** The workspaces holding passages of another model, for the start-up check. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<UUID> workspacesWithOutdatedPassages() {
    return em.createQuery(
            "select distinct c.workspaceId from KnowledgeChunk c"
                + " where c.embeddingModel is null or c.embeddingModel <> :model",
            UUID.class)
        .setParameter("model", embeddings.name())
        .getResultList();
  }

  @Asynchronous
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void run(UUID workspace) {
    currentCaller.set(Caller.system(ACTOR));
    long done = 0;
    try {
      while (true) {
        int batch = self.embedNextBatch(workspace);
        if (batch == 0) {
          break;
        }
        done += batch;
      }
      LOG.info("Embedded " + done + " passage(s) of workspace " + workspace + " again");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Re-embedding workspace " + workspace + " stopped", e);
    }
  }

  /**
   * Embeds the next outdated passages with the current model and stores them (their index entries
   * follow as this commits); answers how many.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int embedNextBatch(UUID workspace) {
    List<KnowledgeChunk> chunks =
        em.createQuery("select c" + OUTDATED + " order by c.id", KnowledgeChunk.class)
            .setParameter("workspace", workspace)
            .setParameter("model", embeddings.name())
            .setMaxResults(BATCH)
            .getResultList();
    if (chunks.isEmpty()) {
      return 0;
    }
    List<float[]> vectors = embeddings.embed(chunks.stream().map(KnowledgeChunk::content).toList());
    for (int i = 0; i < chunks.size(); i++) {
      chunks.get(i).reembed(vectors.get(i), embeddings.name());
    }
    return chunks.size();
  }
}
