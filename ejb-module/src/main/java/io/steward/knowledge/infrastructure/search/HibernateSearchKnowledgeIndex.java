package io.steward.knowledge.infrastructure.search;

import io.steward.knowledge.domain.KnowledgeChunk;
import io.steward.knowledge.domain.KnowledgeIndex;
import io.steward.tenancy.domain.WorkspaceId;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.projection.dsl.CompositeProjectionValueStep;
import org.hibernate.search.engine.search.projection.dsl.ProjectionFinalStep;
import org.hibernate.search.engine.search.projection.dsl.SearchProjectionFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.massindexing.MassIndexer;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;

/**
 * Hibernate Search over the configured backend: a Lucene index in the data directory, or an
 * Elasticsearch/OpenSearch cluster when the installation names one. Every query is filtered by
 * workspace.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class HibernateSearchKnowledgeIndex implements KnowledgeIndex {

  private static final String CONTENT = "content";

  @PersistenceContext(unitName = "steward")
  EntityManager em;

  @Override
  public Hits fullText(WorkspaceId workspace, String query, Filter filter, int offset, int limit) {
    SearchResult<Hit> result =
        Search.session(em)
            .search(KnowledgeChunk.class)
            .select(f -> passage(f, f.highlight(CONTENT)))
            .where(
                (f, root) -> {
                  root.add(f.match().fields(CONTENT, "section").matching(query));
                  root.add(scope(f, workspace, filter));
                })
            .highlighter(f -> f.unified().tag("<mark>", "</mark>").numberOfFragments(3))
            .fetch(offset, limit);
    return new Hits(result.total().hitCount(), result.hits());
  }

  @Override
  public Hits nearest(WorkspaceId workspace, float[] vector, Filter filter, int k) {
    List<Hit> hits =
        Search.session(em)
            .search(KnowledgeChunk.class)
            .select(f -> passage(f, f.constant(List.<String>of())))
            .where(
                f ->
                    f.knn(k)
                        .field("embedding")
                        .matching(vector)
                        .filter(scope(f, workspace, filter)))
            .fetchHits(k);
    return new Hits(hits.size(), hits);
  }

  /** What a hit shows: the passage, where it is from, its score, and the given highlights. */
  private static CompositeProjectionValueStep<?, Hit> passage(
      SearchProjectionFactory<?, ?> f, ProjectionFinalStep<List<String>> highlights) {
    return f.composite()
        .from(
            f.id(UUID.class),
            f.field("documentId", UUID.class),
            f.field(CONTENT, String.class),
            f.field("section", String.class),
            f.field("page", Integer.class),
            f.score(),
            highlights)
        .asList(HibernateSearchKnowledgeIndex::hit);
  }

  /** The workspace, always, and the optional filter. */
  private static SearchPredicate scope(
      SearchPredicateFactory f, WorkspaceId workspace, Filter filter) {
    return f.bool(
            b -> {
              b.must(f.match().field("workspaceId").matching(workspace.value()));
              if (filter.documentIds() != null && !filter.documentIds().isEmpty()) {
                b.must(f.terms().field("documentId").matchingAny(filter.documentIds()));
              }
              if (filter.tags() != null && !filter.tags().isEmpty()) {
                b.must(
                    f.terms()
                        .field("document.tags")
                        .matchingAny(
                            filter.tags().stream()
                                .map(tag -> tag.strip().toLowerCase(java.util.Locale.ROOT))
                                .toList()));
              }
              if (filter.mediaTypes() != null && !filter.mediaTypes().isEmpty()) {
                b.must(f.terms().field("document.mediaType").matchingAny(filter.mediaTypes()));
              }
              if (filter.uploadedFrom() != null || filter.uploadedTo() != null) {
                b.must(
                    f.range()
                        .field("document.createdAt")
                        .between(filter.uploadedFrom(), filter.uploadedTo()));
              }
            })
        .toPredicate();
  }

  @SuppressWarnings("unchecked")
  private static Hit hit(List<?> projected) {
    return new Hit(
        (UUID) projected.get(0),
        (UUID) projected.get(1),
        (String) projected.get(2),
        (String) projected.get(3),
        (Integer) projected.get(4),
        (Float) projected.get(5),
        (List<String>) projected.get(6));
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void reindexDocument(UUID documentId) {
    SearchIndexingPlan plan = Search.session(em).indexingPlan();
    em.createQuery(
            "select c from KnowledgeChunk c where c.documentId = :document", KnowledgeChunk.class)
        .setParameter("document", documentId)
        .getResultList()
        .forEach(plan::addOrUpdate);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public long reindex(WorkspaceId workspace) {
    MassIndexer indexer = Search.session(em).massIndexer(KnowledgeChunk.class);
    indexer
        .type(KnowledgeChunk.class)
        .reindexOnly("e.workspaceId = :workspace")
        .param("workspace", workspace.value());
    try {
      indexer.startAndWait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Re-indexing was interrupted", e);
    }
    return Search.session(em)
        .search(KnowledgeChunk.class)
        .where(f -> f.match().field("workspaceId").matching(workspace.value()))
        .fetchTotalHitCount();
  }

  @Override
  public boolean isReachable() {
    try {
      Search.session(em)
          .search(KnowledgeChunk.class)
          .where(f -> f.matchNone())
          .fetchTotalHitCount();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
