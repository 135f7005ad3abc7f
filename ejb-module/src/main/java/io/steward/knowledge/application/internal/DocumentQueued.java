package io.steward.knowledge.application.internal;

import java.util.UUID;

/** A document was stored and waits for ingestion, once its transaction commits. */
public record DocumentQueued(UUID documentId) {}
