package io.steward.knowledge.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** Starts ingestion only after the upload committed, so the job finds the document. */
@ApplicationScoped
public class IngestionTrigger {

  @Inject KnowledgeIngestion ingestion;

  void afterUpload(@Observes(during = TransactionPhase.AFTER_SUCCESS) DocumentQueued queued) {
    ingestion.ingest(queued.documentId());
  }
}
