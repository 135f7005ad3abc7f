package io.steward.work.domain;

import io.steward.shared.domain.Dates;
import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.RuleViolationException;
import io.steward.shared.domain.Text;
import io.steward.tenancy.domain.Person;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRecord;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Formula;

/**
 * A piece of work with a status, a priority, people assigned and maybe a due date and project.
 * Tasks an agent suggests wait for a person's approval.
 */
@Entity
@Table(name = "task")
public class Task extends WorkspaceRecord {

  public static final int TITLE_MAX_LENGTH = 200;

  @Column(nullable = false, length = TITLE_MAX_LENGTH)
  private String title;

  private String description;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private TaskStatus status;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private TaskPriority priority;

  /** Sorts high before medium before low (the names would sort alphabetically). */
  @Formula("case priority when 'HIGH' then 0 when 'MEDIUM' then 1 else 2 end")
  private int priorityRank;

  @Column(name = "due_date")
  private LocalDate dueDate;

  @Column(name = "project_id")
  private UUID projectId;

  @Column(name = "ai_suggested", nullable = false)
  private boolean aiSuggested;

  @Column(nullable = false)
  private boolean approved;

  @ElementCollection
  @CollectionTable(name = "task_assignee", joinColumns = @JoinColumn(name = "task_id"))
  private List<Person> assignees = new ArrayList<>();

  protected Task() {}

  private Task(WorkspaceId workspace, boolean aiSuggested) {
    super(workspace);
    this.status = TaskStatus.TODO;
    this.aiSuggested = aiSuggested;
    this.approved = !aiSuggested;
  }

  /** A new task to do; one an agent suggests is not approved until a person approves it. */
  public static Task plan(WorkspaceId workspace, TaskDraft draft, boolean aiSuggested)
      throws InvalidInputException {
    Task task = new Task(workspace, aiSuggested);
    task.write(draft);
    return task;
  }

  /** Takes the fields the update gives; the others keep their values. */
  public void revise(TaskUpdate update) throws InvalidInputException {
    write(
        new TaskDraft(
            update.title().or(title),
            update.description().or(description),
            update.priority().or(priority),
            update.dueDate().or(dueDate),
            update.projectId().or(projectId)));
  }

  /** Replaces who works on the task; the people are members, as the service checked. */
  public void assign(List<Person> people) {
    assignees.clear();
    assignees.addAll(people);
  }

  public void moveTo(TaskStatus next) throws RuleViolationException {
    if (status == next) {
      throw new RuleViolationException("The task is already " + describe(next));
    }
    status = next;
  }

  public void complete() throws RuleViolationException {
    moveTo(TaskStatus.DONE);
  }

  public void approve() throws RuleViolationException {
    if (approved) {
      throw new RuleViolationException("The task is already approved");
    }
    approved = true;
  }

  private void write(TaskDraft draft) throws InvalidInputException {
    this.title = Text.requireSingleLine("title", draft.title(), TITLE_MAX_LENGTH);
    this.description = Text.markdown("description", draft.description(), false);
    this.priority = draft.priority() == null ? TaskPriority.MEDIUM : draft.priority();
    this.dueDate = Dates.inRange("dueDate", draft.dueDate());
    this.projectId = draft.projectId();
  }

  private static String describe(TaskStatus status) {
    return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  public TaskStatus status() {
    return status;
  }

  public TaskPriority priority() {
    return priority;
  }

  public LocalDate dueDate() {
    return dueDate;
  }

  public UUID projectId() {
    return projectId;
  }

  public boolean aiSuggested() {
    return aiSuggested;
  }

  public boolean approved() {
    return approved;
  }

  public List<Person> assignees() {
    return List.copyOf(assignees);
  }

  @Override
  public String label() {
    return title;
  }

  @Override
  public Map<String, Object> state() {
    return state(
        "title", title,
        "description", description,
        "status", status,
        "priority", priority,
        "dueDate", dueDate,
        "projectId", projectId,
        "aiSuggested", aiSuggested,
        "approved", approved,
        "assignees", assignees.stream().map(Person::userId).toList());
  }
}
