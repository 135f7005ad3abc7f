package io.steward.knowledge.domain;

/** A document could not be read; the message says why, in words for the person who uploaded it. */
public class UnreadableDocumentException extends Exception {

  public UnreadableDocumentException(String reason) {
    super(reason);
  }
}
