package io.steward.work.interfaces.graphql;

import io.steward.shared.interfaces.graphql.Enums;
import io.steward.tenancy.interfaces.graphql.RecordView;
import io.steward.work.domain.Task;
import io.steward.work.interfaces.graphql.WorkEnums.TaskPriority;
import io.steward.work.interfaces.graphql.WorkEnums.TaskStatus;
import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("Task")
public class TaskView extends RecordView {

  private final String title;
  private final String description;
  private final TaskStatus status;
  private final TaskPriority priority;
  private final LocalDate dueDate;
  private final String projectId;
  private final boolean aiSuggested;
  private final boolean approved;

  TaskView(Task task) {
    super(task);
    this.title = task.title();
    this.description = task.description();
    this.status = Enums.convert(task.status(), TaskStatus.class);
    this.priority = Enums.convert(task.priority(), TaskPriority.class);
    this.dueDate = task.dueDate();
    this.projectId = task.projectId() == null ? null : task.projectId().toString();
    this.aiSuggested = task.aiSuggested();
    this.approved = task.approved();
  }

  public @NonNull String getTitle() {
    return title;
  }

  @Description("Markdown")
  public String getDescription() {
    return description;
  }

  public @NonNull TaskStatus getStatus() {
    return status;
  }

  public @NonNull TaskPriority getPriority() {
    return priority;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public @Id String getProjectId() {
    return projectId;
  }

  @Description("Suggested by an agent rather than written by a person")
  public @NonNull boolean isAiSuggested() {
    return aiSuggested;
  }

  @Description("False while an agent's suggestion waits for a person to approve it")
  public @NonNull boolean isApproved() {
    return approved;
  }
}
