package io.steward.knowledge.interfaces.graphql;

import io.steward.knowledge.application.KnowledgeLinks;
import io.steward.knowledge.domain.KnowledgeDocument;
import io.steward.shared.interfaces.graphql.Enums;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.interfaces.graphql.RecordView;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("KnowledgeDocument")
@Description("A document of the knowledge base and how far its ingestion got")
public class KnowledgeDocumentView extends RecordView {

  @Enum("KnowledgeDocumentStatus")
  @Description(
      "QUEUED and INGESTING: being read; READY: searchable; FAILED: see failure, nothing indexed")
  public enum Status {
    QUEUED,
    INGESTING,
    READY,
    FAILED
  }

  private final String title;
  private final String fileName;
  private final String sourceUrl;
  private final String mediaType;
  private final int sizeBytes;
  private final Status status;
  private final int chunksDone;
  private final int chunksTotal;
  private final String failure;
  private final List<String> tags;
  private final String contentUrl;

  public KnowledgeDocumentView(KnowledgeDocument document) {
    super(document);
    this.title = document.title();
    this.fileName = document.fileName();
    this.sourceUrl = document.sourceUrl();
    this.mediaType = document.mediaType();
    this.sizeBytes = Math.toIntExact(document.sizeBytes());
    this.status = Enums.convert(document.status(), Status.class);
    this.chunksDone = document.chunksDone();
    this.chunksTotal = document.chunksTotal();
    this.failure = document.failure();
    this.tags = List.copyOf(document.tags());
    this.contentUrl = contentUrl(document.workspaceId(), document.id());
  }

  /** Where a document's bytes can be downloaded, relative to the server. */
  public static String contentUrl(WorkspaceId workspace, UUID document) {
    return KnowledgeLinks.contentPath(workspace, document);
  }

  public @NonNull String getTitle() {
    return title;
  }

  public @NonNull String getFileName() {
    return fileName;
  }

  @Description("The web page it was fetched from; null for uploads")
  public String getSourceUrl() {
    return sourceUrl;
  }

  @Description("As detected from the content, e.g. application/pdf")
  public @NonNull String getMediaType() {
    return mediaType;
  }

  public @NonNull int getSizeBytes() {
    return sizeBytes;
  }

  public @NonNull Status getStatus() {
    return status;
  }

  @Description("Passages stored so far")
  public @NonNull int getChunksDone() {
    return chunksDone;
  }

  @Description("Passages the document was cut into (0 until it has been read)")
  public @NonNull int getChunksTotal() {
    return chunksTotal;
  }

  @Description("Why ingestion failed, when it did")
  public String getFailure() {
    return failure;
  }

  @Description("Labels searches can be narrowed to, in alphabetical order")
  public @NonNull List<@NonNull String> getTags() {
    return tags;
  }

  @Description("Download path of the original file (bearer token required)")
  public @NonNull String getContentUrl() {
    return contentUrl;
  }
}
