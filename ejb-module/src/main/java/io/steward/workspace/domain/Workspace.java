package io.steward.workspace.domain;

import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.Text;
import io.steward.tenancy.domain.WorkspaceId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** A tenant: every business record, run and setting belongs to exactly one workspace. */
@Entity
@Table(name = "workspace")
@NamedQuery(name = "Workspace.findAll", query = "select w from Workspace w order by w.name, w.id")
@NamedQuery(
    name = "Workspace.findByIds",
    query = "select w from Workspace w where w.id in :ids order by w.name, w.id")
public class Workspace {

  public static final int NAME_MAX_LENGTH = 100;

  @Id private UUID id;

  @Column(nullable = false, length = NAME_MAX_LENGTH)
  private String name;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  /** Where "today" is for the workspace's people, e.g. for tasks due today. */
  @Column(name = "time_zone", nullable = false)
  private String timeZone = "UTC";

  @Version private long version;

  protected Workspace() {}

  private Workspace(WorkspaceId id, String name, String createdBy, Instant createdAt) {
    this.id = id.value();
    this.name = name;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  /** A new workspace; the name is trimmed and must be 1..100 characters on one line. */
  public static Workspace found(WorkspaceId id, String name, String createdBy, Instant createdAt)
      throws InvalidInputException {
    return new Workspace(
        id, Text.requireSingleLine("name", name, NAME_MAX_LENGTH), createdBy, createdAt);
  }

  /** Moves the workspace to a time zone given as an IANA id such as {@code Europe/Berlin}. */
  public void moveToTimeZone(String zone) throws InvalidInputException {
    this.timeZone = parseZone(zone).getId();
  }

  public static ZoneId parseZone(String zone) throws InvalidInputException {
    try {
      return ZoneId.of(zone == null ? "" : zone.strip());
    } catch (DateTimeException e) {
      throw new InvalidInputException("timeZone", "must be a time zone id such as Europe/Berlin");
    }
  }

  public ZoneId timeZone() {
    return ZoneId.of(timeZone);
  }

  public WorkspaceId id() {
    return new WorkspaceId(id);
  }

  public String name() {
    return name;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public long version() {
    return version;
  }
}
