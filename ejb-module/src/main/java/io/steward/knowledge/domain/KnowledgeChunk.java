package io.steward.knowledge.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.VectorSimilarity;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexedEmbedded;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.VectorField;

/**
 * A passage of a document as search finds it: a window of its text (overlapping its neighbours)
 * with the section and page it comes from. Indexed for full-text search, always filtered by
 * workspace.
 */
@Entity
@Table(name = "knowledge_chunk")
@Indexed
public class KnowledgeChunk {

  public static final int MAX_LENGTH = 4000;

  @Id private UUID id;

  @GenericField
  @Column(name = "workspace_id", nullable = false, updatable = false)
  private UUID workspaceId;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "document_id", nullable = false, updatable = false)
  @IndexedEmbedded(includePaths = {"mediaType", "createdAt", "tags"})
  // A document's type and upload date never change, so its chunks need no re-indexing with it.
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.SHALLOW)
  private KnowledgeDocument document;

  /** The same column as {@link #document}, readable without loading the document. */
  @GenericField(projectable = Projectable.YES)
  @Column(name = "document_id", insertable = false, updatable = false)
  private UUID documentId;

  @Column(nullable = false)
  private int ordinal;

  @FullTextField(
      analyzer = KnowledgeAnalysis.TEXT,
      projectable = Projectable.YES,
      highlightable = Highlightable.ANY)
  @Column(nullable = false, length = MAX_LENGTH)
  private String content;

  @FullTextField(analyzer = KnowledgeAnalysis.TEXT, projectable = Projectable.YES)
  private String section;

  @GenericField(projectable = Projectable.YES)
  private Integer page;

  /** The passage's meaning as a vector, for similarity search. */
  @VectorField(dimension = 384, vectorSimilarity = VectorSimilarity.COSINE)
  private float[] embedding;

  /** Which model made the vector; another model's vectors are not comparable. */
  @Column(name = "embedding_model")
  private String embeddingModel;

  protected KnowledgeChunk() {}

  public KnowledgeChunk(
      KnowledgeDocument document,
      int ordinal,
      Passage passage,
      float[] embedding,
      String embeddingModel) {
    this.id = UUID.randomUUID();
    this.workspaceId = document.workspaceId().value();
    this.document = document;
    this.documentId = document.id();
    this.ordinal = ordinal;
    this.content = passage.text();
    this.section = passage.section();
    this.page = passage.page();
    this.embedding = embedding.clone();
    this.embeddingModel = embeddingModel;
  }

  /** The passage's vector from another embedding model (after a change of model). */
  public void reembed(float[] vector, String model) {
    this.embedding = vector.clone();
    this.embeddingModel = model;
  }

  public UUID id() {
    return id;
  }

  public UUID documentId() {
    return documentId;
  }

  public int ordinal() {
    return ordinal;
  }

  public String content() {
    return content;
  }

  public String section() {
    return section;
  }

  public Integer page() {
    return page;
  }
}
