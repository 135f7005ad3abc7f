package io.steward.knowledge.domain;

import java.net.URI;

/**
 * Fetches web pages for the knowledge base, refusing addresses inside the network (loopback,
 * private, link-local …) unless configured otherwise, and bounding size and time.
 */
public interface PageFetcher {

  /** A fetched page: its bytes and the address they finally came from. */
  record Page(byte[] bytes, URI url) {}

  /** Refuses an address that is malformed or not allowed, before anything is fetched. */
  void requireAllowed(URI url) throws UnreadableDocumentException;

  /** Fetches at most {@code maxBytes}, following redirects while each address is allowed. */
  Page fetch(URI url, long maxBytes) throws UnreadableDocumentException;
}
