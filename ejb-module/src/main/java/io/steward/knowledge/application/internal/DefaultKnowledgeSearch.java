package io.steward.knowledge.application.internal;

import io.steward.knowledge.application.KnowledgeSearch;
import io.steward.knowledge.domain.KnowledgeDocument;
import io.steward.knowledge.domain.KnowledgeIndex;
import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.StewardException;
import io.steward.shared.domain.Text;
import io.steward.workspace.application.WorkspaceAccess;
import io.steward.workspace.domain.WorkspaceId;
import io.steward.workspace.domain.WorkspaceRecord;
import io.steward.workspace.domain.WorkspaceRecords;
import io.steward.workspace.domain.WorkspaceRole;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@Stateless
public class DefaultKnowledgeSearch implements KnowledgeSearch {

  private static final int QUERY_MAX_LENGTH = 1000;

  @Inject WorkspaceAccess access;
  @Inject KnowledgeIndex index;
  @Inject WorkspaceRecords records;

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
    KnowledgeIndex.Hits hits =
        index.fullText(
            workspace,
            text,
            filter == null ? new KnowledgeIndex.Filter(null, null, null, null) : filter,
            offset,
            limit);
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
}
