package io.steward.knowledge.application.internal;

import io.steward.knowledge.domain.Chunker;
import io.steward.knowledge.domain.DocumentReader;
import io.steward.knowledge.domain.PageFetcher;
import io.steward.knowledge.domain.Passage;
import io.steward.knowledge.domain.UnreadableDocumentException;
import io.steward.provider.domain.EmbeddingModel;
import io.steward.shared.domain.QuotaExceededException;
import io.steward.tenancy.application.Caller;
import io.steward.tenancy.application.CurrentCaller;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The ingestion job of one document, in the background: fetch it if it is a web page, read it into
 * passages, cut them into chunks, then store and index all chunks in one transaction — so a failure
 * leaves nothing half indexed and the document FAILED with its reason.
 */
@Stateless
public class KnowledgeIngestion {

  private static final Logger LOG = Logger.getLogger(KnowledgeIngestion.class.getName());
  private static final Chunker CHUNKER = new Chunker(1000, 150);
  private static final int EMBEDDING_BATCH = 32;

  @Inject IngestionSteps steps;
  @Inject CurrentCaller currentCaller;
  @Inject DocumentReader reader;
  @Inject PageFetcher fetcher;
  @Inject EmbeddingModel embeddings;
  @Inject KnowledgeLimits limits;

  /** Embeds the chunks a batch at a time, reporting progress after each batch. */
  private List<float[]> embed(UUID documentId, List<Passage> chunks) {
    List<float[]> vectors = new ArrayList<>(chunks.size());
    steps.progressed(documentId, 0, chunks.size());
    for (int from = 0; from < chunks.size(); from += EMBEDDING_BATCH) {
      List<Passage> batch = chunks.subList(from, Math.min(chunks.size(), from + EMBEDDING_BATCH));
      vectors.addAll(embeddings.embed(batch.stream().map(Passage::text).toList()));
      steps.progressed(documentId, vectors.size(), chunks.size());
    }
    return vectors;
  }

  @Asynchronous
  public void ingest(UUID documentId) {
    // The job acts under its own name: the progress it publishes is stamped with it.
    currentCaller.set(Caller.system(IngestionSteps.ACTOR));
    Optional<IngestionSteps.Source> source = steps.begin(documentId);
    if (source.isEmpty()) {
      return;
    }
    try {
      byte[] bytes = source.get().bytes();
      String mediaType = source.get().mediaType();
      if (bytes == null) {
        PageFetcher.Page page =
            fetcher.fetch(URI.create(source.get().url()), limits.maxFileBytes());
        bytes = page.bytes();
        mediaType = steps.fetched(documentId, bytes, page.url().getPath());
      }
      List<Passage> chunks = CHUNKER.chunk(reader.read(bytes, mediaType));
      if (chunks.isEmpty()) {
        throw new UnreadableDocumentException("The document contains no text to search");
      }
      steps.requireRoom(documentId, chunks.size());
      steps.complete(documentId, chunks, embed(documentId, chunks), embeddings.name());
      // Only now: the passages' index entries were written as the previous step committed.
      steps.ready(documentId, chunks.size());
    } catch (UnreadableDocumentException | QuotaExceededException e) {
      steps.fail(documentId, e.getMessage());
    } catch (RuntimeException | Error e) {
      // Errors too (a parser's linkage problem, a document too big for memory): the document
      // must not stay INGESTING forever.
      LOG.log(Level.SEVERE, "Ingestion of document " + documentId + " failed", e);
      steps.fail(documentId, "Ingestion failed unexpectedly; the server log has the details");
      if (e instanceof VirtualMachineError fatal) {
        throw fatal;
      }
    }
  }
}
