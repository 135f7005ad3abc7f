package io.steward.knowledge.application.internal;

import io.steward.knowledge.application.KnowledgeSearch;
import io.steward.knowledge.domain.KnowledgeDocument;
import io.steward.knowledge.domain.KnowledgeIndex;
import io.steward.provider.domain.EmbeddingModel;
import io.steward.shared.domain.Dates;
import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.StewardException;
import io.steward.shared.domain.Text;
import io.steward.tenancy.application.WorkspaceAccess;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRecord;
import io.steward.tenancy.domain.WorkspaceRecords;
import io.steward.tenancy.domain.WorkspaceRole;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@Stateless
public class DefaultKnowledgeSearch implements KnowledgeSearch {

  private static final int QUERY_MAX_LENGTH = 1000;

  /**
   * How many nearest passages the vector search asks for, and how deep both rankings are read
   * before fusing (at least to the end of the page asked for). Lucene's HNSW graph finds the true
   * nearest neighbours more reliably when asked for more than a page: over 100,000 passages the
   * first ten of 50 held 98 % of the exact ten, ten asked for only 89 % (bench/README.md).
   */
  private static final int CANDIDATES = 50;

  /** The usual constant of reciprocal rank fusion. */
  private static final int RRF_K = 60;

  @Inject WorkspaceAccess access;
  @Inject KnowledgeIndex index;
  @Inject WorkspaceRecords records;
  @Inject EmbeddingModel embeddings;

  @Override
  public Results search(
      WorkspaceId workspace,
      String query,
      Mode mode,
      KnowledgeIndex.Filter filter,
      int limit,
      int offset)
      throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    String text = Text.requireSingleLine("query", query, QUERY_MAX_LENGTH);
    if (limit < 1 || limit > MAX_RESULTS) {
      throw new InvalidInputException("first", "must be between 1 and " + MAX_RESULTS);
    }
    if (offset < 0 || offset > MAX_OFFSET) {
      throw new InvalidInputException("offset", "must be between 0 and " + MAX_OFFSET);
    }
    KnowledgeIndex.Filter scope =
        filter == null
            ? new KnowledgeIndex.Filter(null, null, null, null, null)
            : new KnowledgeIndex.Filter(
                filter.documentIds(),
                filter.mediaTypes(),
                filter.tags(),
                Dates.inRange("filter.uploadedAfter", filter.uploadedFrom()),
                Dates.inRange("filter.uploadedBefore", filter.uploadedTo()));
    KnowledgeIndex.Hits hits =
        switch (mode == null ? Mode.HYBRID : mode) {
          case FULLTEXT -> index.fullText(workspace, text, scope, offset, limit);
          case VECTOR ->
              page(
                  index.nearest(workspace, vector(text), scope, candidates(offset, limit)),
                  offset,
                  limit);
          case HYBRID ->
              page(hybrid(workspace, text, scope, candidates(offset, limit)), offset, limit);
        };
    Map<UUID, KnowledgeDocument> documents =
        records
            .findAll(
                KnowledgeDocument.class,
                workspace,
                hits.hits().stream().map(KnowledgeIndex.Hit::documentId).distinct().toList())
            .stream()
            .collect(Collectors.toMap(WorkspaceRecord::id, Function.identity()));
    List<Result> results =
        hits.hits().stream()
            .filter(hit -> documents.containsKey(hit.documentId()))
            .map(
                hit ->
                    new Result(
                        hit.chunkId(),
                        hit.text(),
                        hit.highlights(),
                        hit.score(),
                        new Citation(
                            hit.documentId(),
                            documents.get(hit.documentId()).title(),
                            hit.section(),
                            hit.page())))
            .toList();
    return new Results(hits.total(), results);
  }

  private float[] vector(String text) {
    return embeddings.embed(List.of(text)).get(0);
  }

  /**
   * Reciprocal rank fusion of the full-text and the vector ranking: each list contributes 1 / (60 +
   * rank) for every passage it holds, so a passage both find ranks above one only either finds.
   * Highlights come from the full-text side.
   */
  private KnowledgeIndex.Hits hybrid(
      WorkspaceId workspace, String text, KnowledgeIndex.Filter scope, int depth) {
    List<KnowledgeIndex.Hit> words = index.fullText(workspace, text, scope, 0, depth).hits();
    List<KnowledgeIndex.Hit> meaning = index.nearest(workspace, vector(text), scope, depth).hits();
    Map<UUID, Float> fused = new HashMap<>();
    Map<UUID, KnowledgeIndex.Hit> hits = new LinkedHashMap<>();
    for (List<KnowledgeIndex.Hit> ranking : List.of(words, meaning)) {
      for (int rank = 0; rank < ranking.size(); rank++) {
        KnowledgeIndex.Hit hit = ranking.get(rank);
        fused.merge(hit.chunkId(), 1f / (RRF_K + rank + 1), Float::sum);
        hits.putIfAbsent(hit.chunkId(), hit);
      }
    }
    List<KnowledgeIndex.Hit> ranked =
        hits.values().stream()
            .sorted(
                Comparator.comparing((KnowledgeIndex.Hit h) -> fused.get(h.chunkId())).reversed())
            .map(
                h ->
                    new KnowledgeIndex.Hit(
                        h.chunkId(),
                        h.documentId(),
                        h.text(),
                        h.section(),
                        h.page(),
                        fused.get(h.chunkId()),
                        h.highlights()))
            .toList();
    return new KnowledgeIndex.Hits(ranked.size(), ranked);
  }

  private static int candidates(int offset, int limit) {
    return Math.max(CANDIDATES, offset + limit);
  }

  private static KnowledgeIndex.Hits page(KnowledgeIndex.Hits hits, int offset, int limit) {
    List<KnowledgeIndex.Hit> all = hits.hits();
    return new KnowledgeIndex.Hits(
        hits.total(),
        all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size())));
  }
}
