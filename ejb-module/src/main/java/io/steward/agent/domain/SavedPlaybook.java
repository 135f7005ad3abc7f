package io.steward.agent.domain;

import io.steward.tenancy.domain.WorkspaceId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A plan kept as a playbook of the workspace: the request it answered (to find it again for similar
 * requests) and its steps as JSON.
 */
@Entity
@Table(name = "playbook")
public class SavedPlaybook {

  /** The longest plan kept, as JSON: the size of the column. */
  public static final int STEPS_MAX_LENGTH = 20_000;

  @Id private UUID id;

  @Column(name = "workspace_id", nullable = false, updatable = false)
  private UUID workspaceId;

  @Column(nullable = false, updatable = false)
  private String name;

  @Column(nullable = false, updatable = false)
  private String request;

  @Column(nullable = false, updatable = false, length = STEPS_MAX_LENGTH)
  private String steps;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version private int version;

  protected SavedPlaybook() {}

  public SavedPlaybook(
      WorkspaceId workspace,
      String name,
      String request,
      String steps,
      String createdBy,
      Instant createdAt) {
    this.id = UUID.randomUUID();
    this.workspaceId = workspace.value();
    this.name = name;
    this.request = request;
    this.steps = steps;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String request() {
    return request;
  }

  public String steps() {
    return steps;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
