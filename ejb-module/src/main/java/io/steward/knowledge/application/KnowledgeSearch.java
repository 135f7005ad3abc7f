package io.steward.knowledge.application;

import io.steward.knowledge.domain.KnowledgeIndex;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.WorkspaceId;
import java.util.List;
import java.util.UUID;

/**
 * Finds passages in a workspace's knowledge base, with citations — what front ends show and what
 * agents will use as a tool. Viewers and up may search.
 */
public interface KnowledgeSearch {

  int MAX_RESULTS = 50;
  int MAX_OFFSET = 1000;

  enum Mode {
    /** Both, fused by reciprocal rank: finds exact words and meaning alike. */
    HYBRID,
    /** Nearest in meaning (embedding vectors, cosine). */
    VECTOR,
    /** Words and their stems, ranked by BM25. */
    FULLTEXT
  }

  /** Where a passage comes from, for the reader to check. */
  record Citation(UUID documentId, String title, String section, Integer page) {}

  record Result(
      UUID chunkId, String text, List<String> highlights, float score, Citation citation) {}

  record Results(long total, List<Result> results) {}

  Results search(
      WorkspaceId workspace,
      String query,
      Mode mode,
      KnowledgeIndex.Filter filter,
      int limit,
      int offset)
      throws StewardException;
}
