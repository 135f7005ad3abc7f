package io.steward.knowledge.domain;

import io.steward.tenancy.domain.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The search index over a workspace's passages. */
public interface KnowledgeIndex {

  /**
   * Absent (null or empty) criteria do not narrow; tags match documents with any of them. A value
   * given twice counts once.
   */
  record Filter(
      List<UUID> documentIds,
      List<String> mediaTypes,
      List<String> tags,
      Instant uploadedFrom,
      Instant uploadedTo) {

    public Filter {
      documentIds = distinct(documentIds);
      mediaTypes = distinct(mediaTypes);
      tags = distinct(tags);
    }

    private static <T> List<T> distinct(List<T> values) {
      return values == null ? null : values.stream().distinct().toList();
    }
  }

  /** One passage found, with its relevance and the fragments that matched, marked up. */
  record Hit(
      UUID chunkId,
      UUID documentId,
      String text,
      String section,
      Integer page,
      float score,
      List<String> highlights) {}

  record Hits(long total, List<Hit> hits) {}

  /** Full-text (BM25) search within one workspace, best first. */
  Hits fullText(WorkspaceId workspace, String query, Filter filter, int offset, int limit);

  /** The {@code k} passages of the workspace nearest to the vector (cosine), nearest first. */
  Hits nearest(WorkspaceId workspace, float[] vector, Filter filter, int k);

  /**
   * Rebuilds the index entries of one workspace from the database; returns the passages indexed.
   */
  long reindex(WorkspaceId workspace);

  /**
   * Re-indexes one document's passages in the caller's transaction, after a change to the document
   * that searches filter on (its tags).
   */
  void reindexDocument(UUID documentId);

  /** True when the index answers; used by readiness. */
  boolean isReachable();
}
