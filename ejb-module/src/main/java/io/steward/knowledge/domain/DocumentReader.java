package io.steward.knowledge.domain;

import java.util.List;
import java.util.Optional;

/** Tells what kind of file some bytes are, and reads a supported file into passages. */
public interface DocumentReader {

  /** The supported media type of the bytes, judged by their content (and file name); or empty. */
  Optional<String> supportedType(byte[] bytes, String fileName);

  /** The document's passages in reading order; fails with a reason a person can act on. */
  List<Passage> read(byte[] bytes, String mediaType) throws UnreadableDocumentException;
}
