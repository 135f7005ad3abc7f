package io.steward.knowledge.application.internal;

import io.steward.event.application.DomainEvents;
import io.steward.knowledge.domain.DocumentContent;
import io.steward.knowledge.domain.DocumentReader;
import io.steward.knowledge.domain.DocumentStatus;
import io.steward.knowledge.domain.KnowledgeChunk;
import io.steward.knowledge.domain.KnowledgeDocument;
import io.steward.knowledge.domain.Passage;
import io.steward.knowledge.domain.UnreadableDocumentException;
import io.steward.shared.domain.Checksums;
import io.steward.shared.domain.QuotaExceededException;
import io.steward.tenancy.domain.WorkspaceRole;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The ingestion job's steps, each in a transaction of its own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class IngestionSteps {

  /** Who the documents' change stamps name for what the job does. */
  static final String ACTOR = "steward-ingestion";

  /** What the job reads: the bytes, or the address of a page still to fetch. */
  public record Source(byte[] bytes, String mediaType, String url) {}

  /** The change-feed event each step of the job publishes, with the document's progress. */
  static final String PROGRESS_EVENT = "knowledgeDocumentIngestionWasUpdated";

  @Inject KnowledgeLimits limits;
  @Inject DocumentReader reader;
  @Inject DomainEvents events;

  @PersistenceContext(unitName = "steward")
  EntityManager em;

  /** Marks the document as being ingested; empty when it is gone or already done. */
  public Optional<Source> begin(UUID documentId) {
    KnowledgeDocument document = em.find(KnowledgeDocument.class, documentId);
    if (document == null || document.status() == DocumentStatus.READY) {
      return Optional.empty();
    }
    DocumentContent content = em.find(DocumentContent.class, documentId);
    if (content == null && document.sourceUrl() == null) {
      return Optional.empty();
    }
    document.startIngesting();
    document.changedBy(ACTOR, now());
    announce(document);
    return Optional.of(
        content == null
            ? new Source(null, null, document.sourceUrl())
            : new Source(content.bytes(), document.mediaType(), null));
  }

  /**
   * Keeps a fetched page as the document's content and answers its media type; refuses pages of
   * unsupported types and pages whose content the workspace already has.
   */
  public String fetched(UUID documentId, byte[] bytes, String fileName)
      throws UnreadableDocumentException {
    KnowledgeDocument document = em.find(KnowledgeDocument.class, documentId);
    String mediaType =
        reader
            .supportedType(bytes, fileName)
            .orElseThrow(
                () ->
                    new UnreadableDocumentException(
                        "The page is not PDF, DOCX, HTML, Markdown, CSV or plain text"));
    String checksum = Checksums.sha256(bytes);
    List<String> same =
        em.createQuery(
                "select d.title from KnowledgeDocument d where d.workspaceId = :workspace"
                    + " and d.checksum = :checksum",
                String.class)
            .setParameter("workspace", document.workspaceId().value())
            .setParameter("checksum", checksum)
            .getResultList();
    if (!same.isEmpty()) {
      throw new UnreadableDocumentException(
          "The page has the same content as the document \"" + same.get(0) + "\"");
    }
    document.fetched(mediaType, bytes.length, checksum);
    em.persist(new DocumentContent(documentId, bytes));
    return mediaType;
  }

  /** Records how many of the document's chunks are embedded, before they are stored. */
  public void progressed(UUID documentId, int done, int total) {
    KnowledgeDocument document = em.find(KnowledgeDocument.class, documentId);
    if (document != null) {
      document.progressed(done, total);
      announce(document);
    }
  }

  /**
   * Stores and indexes all chunks, or nothing at all; passages of an earlier attempt that stopped
   * before the document was marked ready are replaced. The index is written as this commits, so
   * {@link #ready} comes after.
   */
  public void complete(
      UUID documentId, List<Passage> chunks, List<float[]> embeddings, String embeddingModel)
      throws QuotaExceededException {
    KnowledgeDocument document = em.find(KnowledgeDocument.class, documentId);
    if (document == null) {
      return;
    }
    // Removed as entities, so their index entries go too.
    em.createQuery(
            "select c from KnowledgeChunk c where c.documentId = :document", KnowledgeChunk.class)
        .setParameter("document", documentId)
        .getResultList()
        .forEach(em::remove);
    em.flush();
    requireRoom(document, chunks.size());
    for (int i = 0; i < chunks.size(); i++) {
      em.persist(new KnowledgeChunk(document, i, chunks.get(i), embeddings.get(i), embeddingModel));
    }
    document.progressed(chunks.size(), chunks.size());
  }

  /** Marks the document READY once its passages are stored and searchable. */
  public void ready(UUID documentId, int chunks) {
    KnowledgeDocument document = em.find(KnowledgeDocument.class, documentId);
    if (document != null) {
      document.ready(chunks);
      document.changedBy(ACTOR, now());
      announce(document);
    }
  }

  /**
   * Refuses a document whose passages would take the workspace beyond its limit; checked before the
   * expensive embedding, and again when storing.
   */
  public void requireRoom(UUID documentId, int chunks) throws QuotaExceededException {
    KnowledgeDocument document = em.find(KnowledgeDocument.class, documentId);
    if (document != null) {
      requireRoom(document, chunks);
    }
  }

  private void requireRoom(KnowledgeDocument document, int chunks) throws QuotaExceededException {
    long stored =
        em.createQuery(
                "select count(c) from KnowledgeChunk c where c.workspaceId = :workspace",
                Long.class)
            .setParameter("workspace", document.workspaceId().value())
            .getSingleResult();
    if (stored + chunks > limits.maxChunks()) {
      throw new QuotaExceededException(
          "file",
          "The workspace's knowledge base would exceed "
              + limits.maxChunks()
              + " passages; delete documents first");
    }
  }

  public void fail(UUID documentId, String reason) {
    KnowledgeDocument document = em.find(KnowledgeDocument.class, documentId);
    if (document != null) {
      document.fail(reason);
      document.changedBy(ACTOR, now());
      announce(document);
    }
  }

  /** Tells the workspace's change feed how far the document's ingestion got. */
  private void announce(KnowledgeDocument document) {
    Map<String, Object> progress = new LinkedHashMap<>();
    progress.put("title", document.title());
    progress.put("status", document.status());
    progress.put("chunksDone", document.chunksDone());
    progress.put("chunksTotal", document.chunksTotal());
    if (document.failure() != null) {
      progress.put("failure", document.failure());
    }
    events.publish(
        document.workspaceId(),
        PROGRESS_EVENT,
        document.recordType(),
        document.id().toString(),
        progress,
        WorkspaceRole.VIEWER);
  }

  private static Instant now() {
    return Instant.now(Clock.systemUTC());
  }
}
