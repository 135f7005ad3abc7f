package io.steward.work.domain;

import io.steward.shared.domain.Dates;
import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.RuleViolationException;
import io.steward.shared.domain.Text;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** A milestone of a project on a date; always belongs to a project. */
@Entity
@Table(name = "checkpoint")
public class Checkpoint extends WorkspaceRecord {

  @Column(name = "project_id", nullable = false)
  private UUID projectId;

  @Column(nullable = false, length = Task.TITLE_MAX_LENGTH)
  private String title;

  @Column(name = "due_on", nullable = false)
  private LocalDate date;

  @Column(name = "ai_suggested", nullable = false)
  private boolean aiSuggested;

  @Column(nullable = false)
  private boolean approved;

  protected Checkpoint() {}

  private Checkpoint(WorkspaceId workspace, boolean aiSuggested) {
    super(workspace);
    this.aiSuggested = aiSuggested;
    this.approved = !aiSuggested;
  }

  public static Checkpoint set(
      WorkspaceId workspace, UUID projectId, String title, LocalDate date, boolean aiSuggested)
      throws InvalidInputException {
    Checkpoint checkpoint = new Checkpoint(workspace, aiSuggested);
    checkpoint.write(projectId, title, date);
    return checkpoint;
  }

  /** Takes the fields the update gives; the others keep their values. */
  public void revise(CheckpointUpdate update) throws InvalidInputException {
    write(update.projectId().or(projectId), update.title().or(title), update.date().or(date));
  }

  private void write(UUID projectId, String title, LocalDate date) throws InvalidInputException {
    if (projectId == null) {
      throw new InvalidInputException("projectId", "a checkpoint needs a project");
    }
    if (date == null) {
      throw new InvalidInputException("date", "must be given");
    }
    this.projectId = projectId;
    this.title = Text.requireSingleLine("title", title, Task.TITLE_MAX_LENGTH);
    this.date = Dates.inRange("date", date);
  }

  public void approve() throws RuleViolationException {
    if (approved) {
      throw new RuleViolationException("The checkpoint is already approved");
    }
    approved = true;
  }

  public UUID projectId() {
    return projectId;
  }

  public String title() {
    return title;
  }

  public LocalDate date() {
    return date;
  }

  public boolean aiSuggested() {
    return aiSuggested;
  }

  public boolean approved() {
    return approved;
  }

  @Override
  public String label() {
    return title;
  }

  @Override
  public Map<String, Object> state() {
    return state(
        "projectId", projectId,
        "title", title,
        "date", date,
        "aiSuggested", aiSuggested,
        "approved", approved);
  }
}
