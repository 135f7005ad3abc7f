package io.steward.work.interfaces.graphql;

import io.steward.work.interfaces.graphql.WorkEnums.ProjectStatus;
import io.steward.work.interfaces.graphql.WorkEnums.TaskPriority;
import io.steward.work.interfaces.graphql.WorkEnums.TaskStatus;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** The input types of the work schema. Updates send the whole editable state. */
public final class WorkInputs {

  private WorkInputs() {}

  @Input("ProjectInput")
  public record ProjectInput(
      @NonNull @Description("1 to 200 characters") String name,
      @Id @Description("The client company, if any") String companyId) {}

  @Input("ProjectFilter")
  @Description("Absent fields do not filter")
  public record ProjectFilter(
      @Id String companyId, ProjectStatus status, @Description("Part of the name") String search) {}

  @Input("TaskInput")
  public record TaskInput(
      @NonNull @Description("1 to 200 characters") String title,
      @Description("Markdown, up to 100 kB") String description,
      @Description("MEDIUM when absent") TaskPriority priority,
      LocalDate dueDate,
      @Id String projectId,
      @Id @Description("User ids of members (at most 20); absent: nobody") List<String> assigneeIds,
      @DefaultValue("false") @Description("Suggested by an agent; waits for approval")
          boolean aiSuggested) {}

  @Input("TaskFilter")
  @Description("Absent fields do not filter; given fields must all match")
  public record TaskFilter(
      @Id String projectId,
      List<TaskStatus> statuses,
      List<TaskPriority> priorities,
      @Id @Description("User id of an assignee") String assigneeId,
      @Description("Due on or before this date") LocalDate dueBefore,
      @Description("Due on or after this date") LocalDate dueAfter,
      @Description("Due today in the workspace's time zone") Boolean dueToday,
      @Description("Part of the title or description") String search) {}

  @Input("CheckpointInput")
  public record CheckpointInput(
      @NonNull @Id String projectId,
      @NonNull @Description("1 to 200 characters") String title,
      @NonNull LocalDate date,
      @DefaultValue("false") boolean aiSuggested) {}

  @Input("CheckpointFilter")
  public record CheckpointFilter(
      @Id String projectId,
      @Description("On or after this date") LocalDate from,
      @Description("On or before this date") LocalDate to) {}

  @Input("NoteInput")
  public record NoteInput(
      @NonNull @Description("1 to 200 characters") String title,
      @Description("Markdown, up to 100 kB") String content,
      @Id String projectId) {}

  @Input("NoteFilter")
  public record NoteFilter(
      @Id String projectId, @Description("Part of the title or content") String search) {}
}
