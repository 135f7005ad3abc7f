package io.steward.knowledge.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The bytes of a document as uploaded, kept apart so that listing documents never loads them. */
@Entity
@Table(name = "knowledge_document_content")
public class DocumentContent {

  @Id
  @Column(name = "document_id")
  private UUID documentId;

  @Column(nullable = false)
  private byte[] bytes;

  protected DocumentContent() {}

  public DocumentContent(UUID documentId, byte[] bytes) {
    this.documentId = documentId;
    this.bytes = bytes.clone();
  }

  public byte[] bytes() {
    return bytes.clone();
  }
}
