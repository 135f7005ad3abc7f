package io.steward.knowledge.application;

import io.steward.knowledge.domain.KnowledgeDocument;
import io.steward.shared.application.Paging.PageRequest;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.RecordPage;
import io.steward.tenancy.domain.WorkspaceId;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * A workspace's documents. Members upload and delete; viewers list and read. Uploads are ingested
 * in the background; their status says how far that got.
 */
public interface KnowledgeBase {

  /** The outcome of an upload: the document, and whether it is new or the same content again. */
  record Upload(KnowledgeDocument document, boolean created) {}

  /**
   * Stores an uploaded file, received into {@code file} (the caller deletes it afterwards), and
   * queues its ingestion. The same bytes uploaded again answer the existing document. Empty,
   * unsupported or too large files are refused; a file over the limit is never read.
   */
  Upload upload(WorkspaceId workspace, String fileName, String title, List<String> tags, Path file)
      throws StewardException;

  /**
   * Queues a web page for fetching and ingestion; the address must be http(s) and public (or
   * allowed by configuration). The same address again answers the existing document.
   */
  Upload addFromUrl(WorkspaceId workspace, String url, String title, List<String> tags)
      throws StewardException;

  /** Replaces a document's tags (members); its passages are re-indexed with them at once. */
  KnowledgeDocument retag(WorkspaceId workspace, UUID id, Integer version, List<String> tags)
      throws StewardException;

  /** The largest file an upload may carry, in bytes. */
  long maxFileBytes();

  RecordPage<KnowledgeDocument> documents(WorkspaceId workspace, PageRequest page)
      throws StewardException;

  KnowledgeDocument document(WorkspaceId workspace, UUID id) throws StewardException;

  /** A document with its bytes as uploaded. */
  record Download(KnowledgeDocument document, byte[] bytes) {}

  Download content(WorkspaceId workspace, UUID id) throws StewardException;

  /** Deletes the document, its passages and their index entries in one unit of work. */
  void delete(WorkspaceId workspace, UUID id) throws StewardException;

  /** Rebuilds the workspace's search index from the stored passages (admins and owners). */
  long reindex(WorkspaceId workspace) throws StewardException;

  /**
   * Embeds again, in the background, the workspace's passages that another model embedded (admins
   * and owners); answers how many there are. Also started for every workspace at start-up when the
   * embedding model changed.
   */
  long reembed(WorkspaceId workspace) throws StewardException;
}
