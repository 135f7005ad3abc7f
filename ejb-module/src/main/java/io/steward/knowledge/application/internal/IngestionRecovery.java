package io.steward.knowledge.application.internal;

import io.steward.knowledge.domain.DocumentStatus;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Restarts the ingestion of documents a stopped server left queued or half-way, and re-embeds
 * passages when the embedding model changed; an ingestion job that finds its document already READY
 * does nothing, and two jobs racing on one document cannot both store its chunks (the document's
 * version guards the final write).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class IngestionRecovery {

  private static final Logger LOG = Logger.getLogger(IngestionRecovery.class.getName());

  @Inject KnowledgeIngestion ingestion;
  @Inject KnowledgeReembedding reembedding;

  @PersistenceContext(unitName = "steward")
  EntityManager em;

  @PostConstruct
  void resumeUnfinished() {
    List<UUID> unfinished =
        em.createQuery(
                "select d.id from KnowledgeDocument d where d.status in :statuses", UUID.class)
            .setParameter("statuses", List.of(DocumentStatus.QUEUED, DocumentStatus.INGESTING))
            .getResultList();
    if (!unfinished.isEmpty()) {
      LOG.info("Resuming the ingestion of " + unfinished.size() + " document(s)");
    }
    unfinished.forEach(ingestion::ingest);
    // Passages another embedding model embedded (the model changed) are embedded again.
    for (UUID workspace : reembedding.workspacesWithOutdatedPassages()) {
      LOG.info("Embedding the passages of workspace " + workspace + " with the current model");
      reembedding.run(workspace);
    }
  }
}
