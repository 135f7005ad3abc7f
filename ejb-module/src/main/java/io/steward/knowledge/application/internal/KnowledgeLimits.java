package io.steward.knowledge.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Per-workspace limits of the knowledge base, from configuration. */
@ApplicationScoped
public class KnowledgeLimits {

  @Inject
  @ConfigProperty(name = "steward.knowledge.max-file-bytes", defaultValue = "10485760")
  long maxFileBytes;

  @Inject
  @ConfigProperty(name = "steward.knowledge.max-documents", defaultValue = "1000")
  long maxDocuments;

  @Inject
  @ConfigProperty(name = "steward.knowledge.max-chunks", defaultValue = "100000")
  long maxChunks;

  public long maxFileBytes() {
    return maxFileBytes;
  }

  public long maxDocuments() {
    return maxDocuments;
  }

  public long maxChunks() {
    return maxChunks;
  }
}
