package io.steward.knowledge.domain;

/** Where a document is in its ingestion: queued, being read, searchable, or failed for good. */
public enum DocumentStatus {
  QUEUED,
  INGESTING,
  READY,
  FAILED
}
