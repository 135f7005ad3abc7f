package io.steward.knowledge.interfaces.graphql;

import io.steward.knowledge.application.KnowledgeBase;
import io.steward.knowledge.application.KnowledgeSearch;
import io.steward.knowledge.domain.KnowledgeIndex;
import io.steward.shared.application.Paging;
import io.steward.shared.domain.StewardException;
import io.steward.shared.interfaces.graphql.Enums;
import io.steward.shared.interfaces.graphql.Ids;
import io.steward.shared.interfaces.graphql.PageInfo;
import io.steward.shared.interfaces.graphql.TranslatesFailures;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.interfaces.graphql.Connections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/**
 * The knowledge base: documents (uploaded over REST, see {@code KnowledgeResource}) with their
 * ingestion state, and search with citations. Viewers read and search; members delete; admins and
 * owners re-index.
 */
@GraphQLApi
@ApplicationScoped
@TranslatesFailures
public class KnowledgeGraphQL {

  private static final String WORKSPACE_ID = "workspaceId";

  @Inject KnowledgeBase knowledge;
  @Inject KnowledgeSearch search;

  @Name("KnowledgeDocumentConnection")
  @Description("A page of knowledge documents, newest first")
  public record Documents(
      @NonNull List<@NonNull DocumentEdge> edges, @NonNull PageInfo pageInfo, int totalCount) {}

  @Name("KnowledgeDocumentEdge")
  public record DocumentEdge(@NonNull String cursor, @NonNull KnowledgeDocumentView node) {}

  @Enum("KnowledgeSearchMode")
  @Description(
      "HYBRID: both rankings fused (reciprocal rank); VECTOR: nearest in meaning (embeddings);"
          + " FULLTEXT: words and their stems, ranked by BM25")
  public enum Mode {
    HYBRID,
    VECTOR,
    FULLTEXT
  }

  @Input("KnowledgeFilter")
  @Description("Absent fields do not filter")
  public record Filter(
      @Id List<String> documentIds,
      @Description("Media types such as application/pdf") List<String> mediaTypes,
      @Description("Documents with any of these tags") List<String> tags,
      @Description("Documents uploaded at or after") OffsetDateTime uploadedAfter,
      @Description("Documents uploaded at or before") OffsetDateTime uploadedBefore) {}

  @Name("Citation")
  @Description("Where a passage comes from")
  public record CitationView(
      @NonNull @Id String documentId,
      @NonNull String title,
      @Description("The heading the passage is under, or its CSV row") String section,
      @Description("Its page, for paged formats such as PDF") Integer page,
      @NonNull @Description("Download path of the document") String url) {}

  @Name("KnowledgeSearchHit")
  public record Hit(
      @NonNull @Id String chunkId,
      @NonNull @Description("The passage") String text,
      @NonNull @Description("Matching fragments, terms marked with <mark>")
          List<@NonNull String> highlights,
      @NonNull @Description("Relevance; higher is better, comparable within one search")
          double score,
      @NonNull CitationView citation) {}

  @Name("KnowledgeSearchResult")
  public record Result(
      @NonNull
          @Description(
              "Passages found: every match of the words for FULLTEXT; for VECTOR and HYBRID the"
                  + " candidates ranked, at most 50 or to the end of the page asked for")
          long totalCount,
      @NonNull List<@NonNull Hit> hits) {}

  @Query
  @Description("The workspace's knowledge documents, newest first")
  public @NonNull Documents knowledgeDocuments(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @Name("first") @DefaultValue("20") @Description("Page size, 1 to 100") int first,
      @Name("after") @Description("Cursor of the last edge of the previous page") String after)
      throws StewardException {
    return Connections.of(
        knowledge.documents(workspace(workspaceId), Paging.request(first, after)),
        KnowledgeDocumentView::new,
        DocumentEdge::new,
        Documents::new);
  }

  @Query
  @Description("One knowledge document, with the state of its ingestion")
  public @NonNull KnowledgeDocumentView knowledgeDocument(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId, @NonNull @Id @Name("id") String id)
      throws StewardException {
    return new KnowledgeDocumentView(
        knowledge.document(workspace(workspaceId), Ids.require("id", id)));
  }

  @Mutation
  @Description(
      "Queues a web page (http or https, public addresses only) to be fetched and ingested like an"
          + " upload; the same address again answers the existing document")
  public @NonNull KnowledgeDocumentView addKnowledgeFromUrl(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Name("url") String url,
      @Name("title") @Description("Defaults to the address") String title,
      @Name("tags") @Description("Labels to narrow searches by") List<String> tags)
      throws StewardException {
    return new KnowledgeDocumentView(
        knowledge.addFromUrl(workspace(workspaceId), url, title, tags).document());
  }

  @Mutation
  @Description(
      "Replaces a document's tags (lower case; letters, digits, spaces, dots, dashes, underscores;"
          + " at most 20); searches filtered by tag see the change at once")
  public @NonNull KnowledgeDocumentView tagKnowledgeDocument(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Id @Name("id") String id,
      @Name("version") @Description("The version it is based on; absent: the current one")
          Integer version,
      @NonNull @Name("tags") List<@NonNull String> tags)
      throws StewardException {
    return new KnowledgeDocumentView(
        knowledge.retag(workspace(workspaceId), Ids.require("id", id), version, tags));
  }

  @Mutation
  @Description("Deletes a document with its passages, which leave the search index at once")
  public boolean deleteKnowledgeDocument(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId, @NonNull @Id @Name("id") String id)
      throws StewardException {
    knowledge.delete(workspace(workspaceId), Ids.require("id", id));
    return true;
  }

  @Mutation
  @Description(
      "Rebuilds the workspace's search index from the stored passages (admins and owners);"
          + " answers how many passages are indexed")
  public int reindexKnowledge(@NonNull @Id @Name(WORKSPACE_ID) String workspaceId)
      throws StewardException {
    return Math.toIntExact(knowledge.reindex(workspace(workspaceId)));
  }

  @Mutation
  @Description(
      "Embeds again, in the background, the passages another embedding model embedded (admins and"
          + " owners; also done at start-up after a change of model); answers how many there are")
  public int reembedKnowledge(@NonNull @Id @Name(WORKSPACE_ID) String workspaceId)
      throws StewardException {
    return Math.toIntExact(knowledge.reembed(workspace(workspaceId)));
  }

  @Query
  @Description("Finds passages of the workspace's documents, best first, with their citations")
  public @NonNull Result searchKnowledge(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Name("query") String query,
      @Name("mode") @DefaultValue("HYBRID") Mode mode,
      @Name("first") @DefaultValue("10") @Description("How many, 1 to 50") int first,
      @Name("offset") @DefaultValue("0") @Description("How many to skip, up to 1000") int offset,
      @Name("filter") Filter filter)
      throws StewardException {
    WorkspaceId ws = workspace(workspaceId);
    KnowledgeSearch.Results results =
        search.search(
            ws,
            query,
            Enums.convert(mode, KnowledgeSearch.Mode.class),
            filter(filter),
            first,
            offset);
    return new Result(
        results.total(),
        results.results().stream()
            .map(
                r ->
                    new Hit(
                        r.chunkId().toString(),
                        r.text(),
                        r.highlights(),
                        r.score(),
                        new CitationView(
                            r.citation().documentId().toString(),
                            r.citation().title(),
                            r.citation().section(),
                            r.citation().page(),
                            KnowledgeDocumentView.contentUrl(ws, r.citation().documentId()))))
            .toList());
  }

  private static KnowledgeIndex.Filter filter(Filter filter) throws StewardException {
    if (filter == null) {
      return null;
    }
    List<UUID> documents = null;
    if (filter.documentIds() != null) {
      documents = new ArrayList<>();
      for (String id : filter.documentIds()) {
        documents.add(Ids.require("filter.documentIds", id));
      }
    }
    return new KnowledgeIndex.Filter(
        documents,
        filter.mediaTypes(),
        filter.tags(),
        filter.uploadedAfter() == null ? null : filter.uploadedAfter().toInstant(),
        filter.uploadedBefore() == null ? null : filter.uploadedBefore().toInstant());
  }

  private static WorkspaceId workspace(String workspaceId) throws StewardException {
    return WorkspaceId.parse(WORKSPACE_ID, workspaceId);
  }
}
