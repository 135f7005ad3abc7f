package io.steward.knowledge.application.internal;

import io.steward.knowledge.application.KnowledgeBase;
import io.steward.knowledge.domain.DocumentContent;
import io.steward.knowledge.domain.DocumentReader;
import io.steward.knowledge.domain.KnowledgeChunk;
import io.steward.knowledge.domain.KnowledgeDocument;
import io.steward.knowledge.domain.KnowledgeIndex;
import io.steward.shared.application.Paging.PageRequest;
import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.QuotaExceededException;
import io.steward.shared.domain.StewardException;
import io.steward.workspace.application.RecordChanges;
import io.steward.workspace.application.WorkspaceAccess;
import io.steward.workspace.domain.RecordFilter;
import io.steward.workspace.domain.RecordOrder;
import io.steward.workspace.domain.RecordPage;
import io.steward.workspace.domain.WorkspaceId;
import io.steward.workspace.domain.WorkspaceRecords;
import io.steward.workspace.domain.WorkspaceRole;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

@Stateless
public class DefaultKnowledgeBase implements KnowledgeBase {

  private static final String SUPPORTED = "PDF, DOCX, HTML, Markdown, CSV or plain text";

  @Inject WorkspaceAccess access;
  @Inject WorkspaceRecords records;
  @Inject RecordChanges changes;
  @Inject DocumentReader reader;
  @Inject KnowledgeLimits limits;
  @Inject KnowledgeIndex index;
  @Inject Event<DocumentQueued> queued;

  @PersistenceContext(unitName = "steward")
  EntityManager em;

  @Override
  public Upload upload(WorkspaceId workspace, String fileName, String title, byte[] bytes)
      throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    if (bytes.length == 0) {
      throw new InvalidInputException("file", "must not be empty");
    }
    if (bytes.length > limits.maxFileBytes()) {
      throw new QuotaExceededException(
          "file", "Files may be at most " + limits.maxFileBytes() + " bytes");
    }
    String mediaType =
        reader
            .supportedType(bytes, fileName)
            .orElseThrow(() -> new InvalidInputException("file", "must be " + SUPPORTED));
    String checksum = sha256(bytes);
    List<KnowledgeDocument> same =
        records.list(
            KnowledgeDocument.class,
            workspace,
            RecordFilter.where().equal("checksum", checksum),
            List.of());
    if (!same.isEmpty()) {
      return new Upload(same.get(0), false);
    }
    if (records.total(KnowledgeDocument.class, workspace, RecordFilter.where())
        >= limits.maxDocuments()) {
      throw new QuotaExceededException(
          "file", "The workspace already has " + limits.maxDocuments() + " documents");
    }
    KnowledgeDocument document =
        changes.add(
            KnowledgeDocument.received(
                workspace, title, fileName, mediaType, bytes.length, checksum),
            "knowledgeDocumentWasUploaded");
    em.persist(new DocumentContent(document.id(), bytes));
    queued.fire(new DocumentQueued(document.id()));
    return new Upload(document, true);
  }

  @Override
  public long maxFileBytes() {
    return limits.maxFileBytes();
  }

  @Override
  public RecordPage<KnowledgeDocument> documents(WorkspaceId workspace, PageRequest page)
      throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    return records.page(
        KnowledgeDocument.class,
        workspace,
        RecordFilter.where(),
        List.of(RecordOrder.descending("createdAt")),
        page.offset(),
        page.limit());
  }

  @Override
  public KnowledgeDocument document(WorkspaceId workspace, UUID id) throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    return changes.find(KnowledgeDocument.class, workspace, id, "id");
  }

  @Override
  public byte[] content(WorkspaceId workspace, UUID id) throws StewardException {
    return em.find(DocumentContent.class, document(workspace, id).id()).bytes();
  }

  @Override
  public void delete(WorkspaceId workspace, UUID id) throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    KnowledgeDocument document = changes.find(KnowledgeDocument.class, workspace, id, "id");
    // Removing each passage as an entity takes it out of the search index in this transaction.
    em.createQuery(
            "select c from KnowledgeChunk c where c.documentId = :document", KnowledgeChunk.class)
        .setParameter("document", id)
        .getResultList()
        .forEach(em::remove);
    DocumentContent content = em.find(DocumentContent.class, id);
    if (content != null) {
      em.remove(content);
    }
    changes.remove(document, null, "knowledgeDocumentWasDeleted");
  }

  @Override
  public long reindex(WorkspaceId workspace) throws StewardException {
    access.require(workspace, WorkspaceRole.ADMIN);
    return index.reindex(workspace);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }
}
