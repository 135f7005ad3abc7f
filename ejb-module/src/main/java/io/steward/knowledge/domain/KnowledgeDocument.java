package io.steward.knowledge.domain;

import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.Text;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRecord;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.net.URI;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

/**
 * A file a workspace keeps in its knowledge base, with the state of its ingestion: how many of its
 * passages are stored, or why it could not be read.
 */
@Entity
@Table(name = "knowledge_document")
public class KnowledgeDocument extends WorkspaceRecord {

  public static final int TITLE_MAX_LENGTH = 200;

  /** The media type of a page not fetched yet. */
  public static final String PENDING_TYPE = "application/octet-stream";

  private static final int FILE_NAME_MAX_LENGTH = 255;
  private static final int FAILURE_MAX_LENGTH = 1000;
  public static final int TAG_MAX_LENGTH = 50;
  public static final int MAX_TAGS = 20;
  private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.-]*");

  @Column(nullable = false, length = TITLE_MAX_LENGTH)
  private String title;

  @Column(name = "file_name", nullable = false)
  private String fileName;

  /** The web page the document was fetched from; null for uploads. */
  @Column(name = "source_url")
  private String sourceUrl;

  @KeywordField
  @Column(name = "media_type", nullable = false)
  private String mediaType;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  /** SHA-256 of the bytes, hex; the same content is stored once per workspace. */
  @Column(nullable = false, length = 64)
  private String checksum;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DocumentStatus status;

  @Column(name = "chunks_done", nullable = false)
  private int chunksDone;

  @Column(name = "chunks_total", nullable = false)
  private int chunksTotal;

  private String failure;

  /** Lower-case labels people give the document; searches can be narrowed to them. */
  @KeywordField
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "knowledge_document_tag", joinColumns = @JoinColumn(name = "document_id"))
  @Column(name = "tag", nullable = false, length = TAG_MAX_LENGTH)
  private Set<String> tags = new TreeSet<>();

  protected KnowledgeDocument() {}

  private KnowledgeDocument(WorkspaceId workspace) {
    super(workspace);
    this.status = DocumentStatus.QUEUED;
  }

  /** A document received for ingestion; without a title it is named after its file. */
  public static KnowledgeDocument received(
      WorkspaceId workspace,
      String title,
      String fileName,
      String mediaType,
      long sizeBytes,
      String checksum)
      throws InvalidInputException {
    KnowledgeDocument document = new KnowledgeDocument(workspace);
    document.fileName =
        Text.requireSingleLine(
            "file",
            fileName == null || fileName.isBlank() ? "upload" : fileName,
            FILE_NAME_MAX_LENGTH);
    document.title =
        title == null || title.isBlank()
            ? cut(document.fileName, TITLE_MAX_LENGTH)
            : Text.requireSingleLine("title", title, TITLE_MAX_LENGTH);
    document.mediaType = mediaType;
    document.sizeBytes = sizeBytes;
    document.checksum = checksum;
    return document;
  }

  /**
   * A web page to fetch: its type, size and checksum are known once fetched; until then the
   * checksum stands for the address, so the same address is not queued twice.
   */
  public static KnowledgeDocument toFetch(
      WorkspaceId workspace, String title, URI url, String addressChecksum)
      throws InvalidInputException {
    String path = url.getPath() == null ? "" : url.getPath();
    String name = path.substring(path.lastIndexOf('/') + 1);
    KnowledgeDocument document =
        received(
            workspace,
            title == null || title.isBlank() ? cut(url.getHost() + path, TITLE_MAX_LENGTH) : title,
            cut(name.isBlank() ? url.getHost() : name, FILE_NAME_MAX_LENGTH),
            PENDING_TYPE,
            0,
            addressChecksum);
    document.sourceUrl = url.toString();
    return document;
  }

  private static String cut(String text, int length) {
    return text.length() > length ? text.substring(0, length) : text;
  }

  /** The page was fetched: from now on it is a document like an upload. */
  public void fetched(String mediaType, long sizeBytes, String checksum) {
    this.mediaType = mediaType;
    this.sizeBytes = sizeBytes;
    this.checksum = checksum;
  }

  public void startIngesting() {
    status = DocumentStatus.INGESTING;
    failure = null;
  }

  /** Ingestion reached {@code done} of {@code total} passages. */
  public void progressed(int done, int total) {
    chunksDone = done;
    chunksTotal = total;
  }

  public void ready(int chunks) {
    status = DocumentStatus.READY;
    progressed(chunks, chunks);
  }

  /** Ingestion failed for a reason a person can act on; nothing of the document is searchable. */
  public void fail(String reason) {
    status = DocumentStatus.FAILED;
    chunksDone = 0;
    failure =
        reason.length() > FAILURE_MAX_LENGTH ? reason.substring(0, FAILURE_MAX_LENGTH) : reason;
  }

  /**
   * Replaces the document's tags: trimmed, lower case, duplicates merged; each 1 to {@value
   * #TAG_MAX_LENGTH} letters, digits, spaces, dots, dashes or underscores, at most {@value
   * #MAX_TAGS}.
   */
  public void tag(Collection<String> labels) throws InvalidInputException {
    Set<String> normalized = new TreeSet<>();
    for (String label : labels) {
      String tag = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
      if (tag.length() > TAG_MAX_LENGTH || !TAG.matcher(tag).matches()) {
        throw new InvalidInputException(
            "tags",
            "each tag must be 1 to "
                + TAG_MAX_LENGTH
                + " letters, digits, spaces, dots, dashes or underscores");
      }
      normalized.add(tag);
    }
    if (normalized.size() > MAX_TAGS) {
      throw new InvalidInputException("tags", "must be at most " + MAX_TAGS);
    }
    tags.clear();
    tags.addAll(normalized);
  }

  public Set<String> tags() {
    return Collections.unmodifiableSet(tags);
  }

  public String title() {
    return title;
  }

  public String fileName() {
    return fileName;
  }

  public String sourceUrl() {
    return sourceUrl;
  }

  public String mediaType() {
    return mediaType;
  }

  public long sizeBytes() {
    return sizeBytes;
  }

  public String checksum() {
    return checksum;
  }

  public DocumentStatus status() {
    return status;
  }

  public int chunksDone() {
    return chunksDone;
  }

  public int chunksTotal() {
    return chunksTotal;
  }

  public String failure() {
    return failure;
  }

  @Override
  public String label() {
    return title;
  }

  @Override
  public Map<String, Object> state() {
    return state(
        "title",
        title,
        "fileName",
        fileName,
        "mediaType",
        mediaType,
        "sizeBytes",
        sizeBytes,
        "checksum",
        checksum,
        "sourceUrl",
        sourceUrl,
        "status",
        status,
        "tags",
        List.copyOf(tags));
  }
}
