package io.steward.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;

/**
 * A business record: it belongs to exactly one workspace, knows who created and last changed it,
 * and carries a version for optimistic locking. Subclasses are aggregates that change only through
 * intention-revealing methods.
 */
@MappedSuperclass
public abstract class WorkspaceRecord {

  @Id private UUID id;

  @Column(name = "workspace_id", nullable = false, updatable = false)
  private UUID workspaceId;

  /** Indexed where a search index embeds a record (e.g. a knowledge document's upload date). */
  @GenericField
  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false)
  private String updatedBy;

  @Version private int version;

  protected WorkspaceRecord() {}

  protected WorkspaceRecord(WorkspaceId workspace) {
    this.id = UUID.randomUUID();
    this.workspaceId = workspace.value();
  }

  /** The record type as audit entries, events and messages name it, e.g. {@code task}. */
  public String recordType() {
    return typeName(getClass());
  }

  /** {@code Task} is a {@code task}. */
  public static String typeName(Class<? extends WorkspaceRecord> type) {
    String name = type.getSimpleName();
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  /** What people call this record: its name or title (or the text of a comment). */
  public abstract String label();

  /** The least role that may read the record, and so see the events about it. */
  public WorkspaceRole readers() {
    return WorkspaceRole.VIEWER;
  }

  /** The record's business state, as audit entries and events show it. */
  public abstract Map<String, Object> state();

  /** A state from alternating names and values, in that order. */
  protected static Map<String, Object> state(Object... namesAndValues) {
    Map<String, Object> state = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      state.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return state;
  }

  /** Stamps the author of the record; called once, when it is added. */
  public void createdBy(String userId, Instant at) {
    this.createdBy = userId;
    this.createdAt = at;
    changedBy(userId, at);
  }

  /** Stamps the author of the latest change. */
  public void changedBy(String userId, Instant at) {
    this.updatedBy = userId;
    this.updatedAt = at;
  }

  public UUID id() {
    return id;
  }

  public WorkspaceId workspaceId() {
    return new WorkspaceId(workspaceId);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public String updatedBy() {
    return updatedBy;
  }

  public int version() {
    return version;
  }
}
