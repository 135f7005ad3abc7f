package io.steward.audit.domain;

import io.steward.tenancy.domain.WorkspaceId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One recorded change: who did what to which target, with the state before and after as JSON. */
@Entity
@Table(name = "audit_entry")
@NamedQuery(
    name = "AuditEntry.pageOfWorkspace",
    query =
        "select e from AuditEntry e where e.workspaceId = :workspace and e.id < :before"
            + " order by e.id desc")
@NamedQuery(
    name = "AuditEntry.countOfWorkspace",
    query = "select count(e) from AuditEntry e where e.workspaceId = :workspace")
public class AuditEntry {

  /** Room for a record's JSON with 100 kB of Markdown, doubled by escaping (migration V8). */
  public static final int STATE_MAX_LENGTH = 1_000_000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "workspace_id", nullable = false)
  private UUID workspaceId;

  @Column(name = "actor_id", nullable = false)
  private String actorId;

  @Column(name = "actor_name")
  private String actorName;

  /** The agent that made the change on the actor's behalf, or null when the actor acted. */
  @Column(name = "agent")
  private String agent;

  @Column(nullable = false)
  private String action;

  @Column(name = "target_type", nullable = false)
  private String targetType;

  @Column(name = "target_id")
  private String targetId;

  @Column(name = "before_state", length = STATE_MAX_LENGTH)
  private String before;

  @Column(name = "after_state", length = STATE_MAX_LENGTH)
  private String after;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(name = "request_id")
  private String requestId;

  protected AuditEntry() {}

  public AuditEntry(
      WorkspaceId workspace,
      String actorId,
      String actorName,
      String agent,
      String action,
      String targetType,
      String targetId,
      String before,
      String after,
      Instant occurredAt,
      String requestId) {
    this.workspaceId = workspace.value();
    this.actorId = actorId;
    this.actorName = actorName;
    this.agent = agent;
    this.action = action;
    this.targetType = targetType;
    this.targetId = targetId;
    this.before = before;
    this.after = after;
    this.occurredAt = occurredAt;
    this.requestId = requestId;
  }

  public long id() {
    return id;
  }

  public WorkspaceId workspace() {
    return new WorkspaceId(workspaceId);
  }

  public String actorId() {
    return actorId;
  }

  public String actorName() {
    return actorName;
  }

  public String agent() {
    return agent;
  }

  public String action() {
    return action;
  }

  public String targetType() {
    return targetType;
  }

  public String targetId() {
    return targetId;
  }

  public String before() {
    return before;
  }

  public String after() {
    return after;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public String requestId() {
    return requestId;
  }
}
