package io.steward.work.domain;

import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.RuleViolationException;
import io.steward.shared.domain.Text;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.Map;
import java.util.UUID;

/** A body of work, optionally for a client company. */
@Entity
@Table(name = "project")
public class Project extends WorkspaceRecord {

  public static final int NAME_MAX_LENGTH = 200;

  @Column(nullable = false, length = NAME_MAX_LENGTH)
  private String name;

  @Column(name = "company_id")
  private UUID companyId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ProjectStatus status;

  protected Project() {}

  private Project(WorkspaceId workspace) {
    super(workspace);
    this.status = ProjectStatus.ACTIVE;
  }

  /** A new, active project. */
  public static Project start(WorkspaceId workspace, String name, UUID companyId)
      throws InvalidInputException {
    Project project = new Project(workspace);
    project.name = Text.requireSingleLine("name", name, NAME_MAX_LENGTH);
    project.companyId = companyId;
    return project;
  }

  /** Takes the fields the update gives, the others keep their values; only while active. */
  public void revise(ProjectUpdate update) throws InvalidInputException, RuleViolationException {
    requireActive();
    this.name = Text.requireSingleLine("name", update.name().or(name), NAME_MAX_LENGTH);
    this.companyId = update.companyId().or(companyId);
  }

  public void archive() throws RuleViolationException {
    requireActive();
    status = ProjectStatus.ARCHIVED;
  }

  public void reactivate() throws RuleViolationException {
    if (status == ProjectStatus.ACTIVE) {
      throw new RuleViolationException("The project is already active");
    }
    status = ProjectStatus.ACTIVE;
  }

  /** Archived projects are read-only, and take no new tasks, checkpoints or notes. */
  public void requireActive() throws RuleViolationException {
    if (status == ProjectStatus.ARCHIVED) {
      throw new RuleViolationException(
          "The project \"" + name + "\" is archived; reactivate it first");
    }
  }

  public String name() {
    return name;
  }

  public UUID companyId() {
    return companyId;
  }

  public ProjectStatus status() {
    return status;
  }

  @Override
  public String label() {
    return name;
  }

  @Override
  public Map<String, Object> state() {
    return state(
        "name", name,
        "companyId", companyId,
        "status", status);
  }
}
