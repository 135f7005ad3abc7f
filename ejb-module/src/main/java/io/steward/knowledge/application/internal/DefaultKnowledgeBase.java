package io.steward.knowledge.application.internal;

import io.steward.knowledge.application.KnowledgeBase;
import io.steward.knowledge.domain.DocumentContent;
import io.steward.knowledge.domain.DocumentReader;
import io.steward.knowledge.domain.KnowledgeChunk;
import io.steward.knowledge.domain.KnowledgeDocument;
import io.steward.knowledge.domain.KnowledgeDocument_;
import io.steward.knowledge.domain.KnowledgeIndex;
import io.steward.knowledge.domain.PageFetcher;
import io.steward.knowledge.domain.UnreadableDocumentException;
import io.steward.shared.application.Paging.PageRequest;
import io.steward.shared.domain.Checksums;
import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.QuotaExceededException;
import io.steward.shared.domain.StewardException;
import io.steward.shared.domain.Text;
import io.steward.tenancy.application.RecordChanges;
import io.steward.tenancy.application.WorkspaceAccess;
import io.steward.tenancy.domain.RecordFilter;
import io.steward.tenancy.domain.RecordOrder;
import io.steward.tenancy.domain.RecordPage;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRecords;
import io.steward.tenancy.domain.WorkspaceRole;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Stateless
public class DefaultKnowledgeBase implements KnowledgeBase {

  private static final String SUPPORTED = "PDF, DOCX, HTML, Markdown, CSV or plain text";
  private static final int MAX_URL_LENGTH = 2000;

  @Inject WorkspaceAccess access;
  @Inject WorkspaceRecords records;
  @Inject RecordChanges changes;
  @Inject DocumentReader reader;
  @Inject KnowledgeLimits limits;
  @Inject KnowledgeIndex index;
  @Inject Event<DocumentQueued> queued;
  @Inject PageFetcher fetcher;
  @Inject KnowledgeReembedding reembedding;

  @PersistenceContext(unitName = "steward")
  EntityManager em;

  @Override
  public Upload upload(
      WorkspaceId workspace, String fileName, String title, List<String> tags, Path file)
      throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    long size = received(() -> Files.size(file));
    if (size == 0) {
      throw new InvalidInputException("file", "must not be empty");
    }
    if (size > limits.maxFileBytes()) {
      throw new QuotaExceededException(
          "file", "Files may be at most " + limits.maxFileBytes() + " bytes");
    }
    byte[] bytes = received(() -> Files.readAllBytes(file));
    String mediaType =
        reader
            .supportedType(bytes, fileName)
            .orElseThrow(() -> new InvalidInputException("file", "must be " + SUPPORTED));
    String checksum = Checksums.sha256(bytes);
    Optional<KnowledgeDocument> same =
        documentWith(workspace, KnowledgeDocument_.CHECKSUM, checksum);
    if (same.isPresent()) {
      return new Upload(same.get(), false);
    }
    requireRoomFor(workspace, "file");
    KnowledgeDocument document =
        changes.add(
            tagged(
                KnowledgeDocument.received(
                    workspace, title, fileName, mediaType, bytes.length, checksum),
                tags),
            "knowledgeDocumentWasUploaded");
    em.persist(new DocumentContent(document.id(), bytes));
    queued.fire(new DocumentQueued(document.id()));
    return new Upload(document, true);
  }

  /** A file operation on the received upload; failing, it is a server fault, not the client's. */
  private interface FileRead<T> {
    T read() throws IOException;
  }

  private static <T> T received(FileRead<T> read) {
    try {
      return read.read();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Upload addFromUrl(WorkspaceId workspace, String url, String title, List<String> tags)
      throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    URI address = address(url);
    Optional<KnowledgeDocument> same =
        documentWith(workspace, KnowledgeDocument_.SOURCE_URL, address.toString());
    if (same.isPresent()) {
      return new Upload(same.get(), false);
    }
    // Until fetched, a page's checksum stands for its address (see KnowledgeDocument.toFetch).
    String checksum = Checksums.sha256(("url " + address).getBytes(StandardCharsets.UTF_8));
    requireRoomFor(workspace, "url");
    KnowledgeDocument document =
        changes.add(
            tagged(KnowledgeDocument.toFetch(workspace, title, address, checksum), tags),
            "knowledgeDocumentWasUploaded");
    queued.fire(new DocumentQueued(document.id()));
    return new Upload(document, true);
  }

  @Override
  public KnowledgeDocument retag(WorkspaceId workspace, UUID id, Integer version, List<String> tags)
      throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    KnowledgeDocument document =
        changes.change(
            changes.find(KnowledgeDocument.class, workspace, id, "id"),
            version,
            "knowledgeDocumentWasTagged",
            changed -> changed.tag(tags));
    index.reindexDocument(id);
    return document;
  }

  private static KnowledgeDocument tagged(KnowledgeDocument document, List<String> tags)
      throws InvalidInputException {
    if (tags != null) {
      document.tag(tags);
    }
    return document;
  }

  private URI address(String url) throws InvalidInputException {
    String text = Text.requireSingleLine("url", url, MAX_URL_LENGTH);
    URI address;
    try {
      address = new URI(text).normalize();
    } catch (URISyntaxException e) {
      throw new InvalidInputException("url", "must be a web address");
    }
    try {
      fetcher.requireAllowed(address);
    } catch (UnreadableDocumentException e) {
      throw new InvalidInputException("url", e.getMessage());
    }
    return address;
  }

  private Optional<KnowledgeDocument> documentWith(
      WorkspaceId workspace, String attribute, String value) {
    return records
        .list(
            KnowledgeDocument.class,
            workspace,
            RecordFilter.where().equal(attribute, value),
            List.of())
        .stream()
        .findFirst();
  }

  private void requireRoomFor(WorkspaceId workspace, String field) throws QuotaExceededException {
    if (records.total(KnowledgeDocument.class, workspace, RecordFilter.where())
        >= limits.maxDocuments()) {
      throw new QuotaExceededException(
          field, "The workspace already has " + limits.maxDocuments() + " documents");
    }
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
        List.of(RecordOrder.descending(KnowledgeDocument_.CREATED_AT)),
        page.offset(),
        page.limit());
  }

  @Override
  public KnowledgeDocument document(WorkspaceId workspace, UUID id) throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    return changes.find(KnowledgeDocument.class, workspace, id, "id");
  }

  @Override
  public Download content(WorkspaceId workspace, UUID id) throws StewardException {
    KnowledgeDocument document = document(workspace, id);
    return new Download(document, em.find(DocumentContent.class, document.id()).bytes());
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

  @Override
  public long reembed(WorkspaceId workspace) throws StewardException {
    access.require(workspace, WorkspaceRole.ADMIN);
    long outdated = reembedding.outdated(workspace.value());
    if (outdated > 0) {
      reembedding.run(workspace.value());
    }
    return outdated;
  }
}
