package io.steward.tenancy.interfaces.graphql;

import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRecord;
import jakarta.json.bind.annotation.JsonbTransient;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/** What every business record shows: its id, its version, and who made and changed it when. */
public abstract class RecordView {

  private final String id;
  private final int version;
  private final OffsetDateTime createdAt;
  private final String createdBy;
  private final OffsetDateTime updatedAt;
  private final String updatedBy;
  private final WorkspaceId workspaceId;

  protected RecordView(WorkspaceRecord record) {
    this.id = record.id().toString();
    this.version = record.version();
    this.createdAt = record.createdAt().atOffset(ZoneOffset.UTC);
    this.createdBy = record.createdBy();
    this.updatedAt = record.updatedAt().atOffset(ZoneOffset.UTC);
    this.updatedBy = record.updatedBy();
    this.workspaceId = record.workspaceId();
  }

  public @NonNull @Id String getId() {
    return id;
  }

  @Description("Send this back with a change; a change based on an older version is a CONFLICT")
  public @NonNull int getVersion() {
    return version;
  }

  public @NonNull OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  @Description("User id of who created the record")
  public @NonNull @Id String getCreatedBy() {
    return createdBy;
  }

  public @NonNull OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }

  @Description("User id of who changed the record last")
  public @NonNull @Id String getUpdatedBy() {
    return updatedBy;
  }

  /** The workspace, for loading related records; not part of the schema or the JSON. */
  @Ignore
  @JsonbTransient
  public WorkspaceId getWorkspaceId() {
    return workspaceId;
  }
}
