package io.steward.event.domain;

import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A domain event ({@code taskWasCompleted}, {@code dealStageWasChanged} …) written to the outbox in
 * the transaction of the change it describes, so it exists exactly when the change does. {@code
 * audience} is the least workspace role that may see it.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "workspace_id", nullable = false, updatable = false)
  private UUID workspaceId;

  @Column(name = "event_type", nullable = false, updatable = false)
  private String type;

  @Column(name = "record_type", nullable = false, updatable = false)
  private String recordType;

  @Column(name = "record_id", nullable = false, updatable = false)
  private String recordId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private WorkspaceRole audience;

  /** The record's state after the change (before it, for a deletion) as JSON. */
  @Column(nullable = false, updatable = false, length = 1_000_000)
  private String payload;

  @Column(name = "actor_id", nullable = false, updatable = false)
  private String actorId;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(name = "request_id", updatable = false)
  private String requestId;

  protected OutboxEvent() {}

  public OutboxEvent(
      WorkspaceId workspace,
      String type,
      String recordType,
      String recordId,
      WorkspaceRole audience,
      String payload,
      String actorId,
      Instant occurredAt,
      String requestId) {
    this.workspaceId = workspace.value();
    this.type = type;
    this.recordType = recordType;
    this.recordId = recordId;
    this.audience = audience;
    this.payload = payload;
    this.actorId = actorId;
    this.occurredAt = occurredAt;
    this.requestId = requestId;
  }

  public long id() {
    return id;
  }

  public WorkspaceId workspaceId() {
    return new WorkspaceId(workspaceId);
  }

  public String type() {
    return type;
  }

  public String recordType() {
    return recordType;
  }

  public String recordId() {
    return recordId;
  }

  public WorkspaceRole audience() {
    return audience;
  }

  public String payload() {
    return payload;
  }

  public String actorId() {
    return actorId;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public String requestId() {
    return requestId;
  }
}
