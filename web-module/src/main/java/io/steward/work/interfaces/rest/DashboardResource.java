package io.steward.work.interfaces.rest;

import io.steward.shared.application.Paging;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.Person;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.work.application.ProjectService;
import io.steward.work.application.TaskQuery;
import io.steward.work.application.TaskService;
import io.steward.work.domain.Project;
import io.steward.work.domain.ProjectStatus;
import io.steward.work.domain.Task;
import io.steward.work.domain.TaskStatus;
import io.steward.work.domain.TaskTally;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code GET /api/workspaces/{id}/dashboard}: the active projects with their task counts and the 50
 * open tasks due next with project and assignees — what a front end's start page shows, in one
 * call. It answers what the GraphQL query in {@code bench/} asks, with the same services, so the
 * two can be compared.
 */
@Path("/workspaces/{workspaceId}/dashboard")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

  private static final int SIZE = 50;

  @Inject ProjectService projects;
  @Inject TaskService tasks;

  /** The dashboard's JSON shape. */
  public record Dashboard(List<ProjectSummary> projects, List<TaskSummary> tasks) {}

  public record ProjectSummary(
      String id, String name, int todo, int inProgress, int done, int total) {}

  public record TaskSummary(
      String id,
      String title,
      String status,
      String priority,
      LocalDate dueDate,
      ProjectRef project,
      List<PersonRef> assignees) {}

  public record ProjectRef(String id, String name) {}

  public record PersonRef(String userId, String displayName) {}

  @GET
  public Dashboard dashboard(@PathParam("workspaceId") String workspaceId) throws StewardException {
    WorkspaceId workspace = WorkspaceId.parse("workspaceId", workspaceId);
    Paging.PageRequest page = Paging.request(SIZE, null);
    List<Project> active =
        projects.projects(workspace, null, ProjectStatus.ACTIVE, null, page).items();
    Map<UUID, TaskTally> counts =
        projects.taskCounts(workspace, active.stream().map(Project::id).toList());
    List<Task> due =
        tasks
            .tasks(
                workspace,
                new TaskQuery(
                    null,
                    List.of(TaskStatus.TODO, TaskStatus.IN_PROGRESS),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    TaskQuery.TaskOrder.DUE_DATE),
                page)
            .items();
    Map<UUID, Project> projectsOfTasks =
        projects
            .projects(
                workspace, due.stream().map(Task::projectId).filter(Objects::nonNull).toList())
            .stream()
            .collect(Collectors.toMap(Project::id, Function.identity()));
    Map<UUID, List<Person>> assignees =
        tasks.assignees(workspace, due.stream().map(Task::id).toList());
    return new Dashboard(
        active.stream().map(p -> summary(p, counts.getOrDefault(p.id(), TaskTally.NONE))).toList(),
        due.stream()
            .map(t -> summary(t, projectsOfTasks.get(t.projectId()), assignees.get(t.id())))
            .toList());
  }

  private static ProjectSummary summary(Project project, TaskTally tally) {
    return new ProjectSummary(
        project.id().toString(),
        project.name(),
        tally.todo(),
        tally.inProgress(),
        tally.done(),
        tally.total());
  }

  private static TaskSummary summary(Task task, Project project, List<Person> assignees) {
    return new TaskSummary(
        task.id().toString(),
        task.title(),
        task.status().name(),
        task.priority().name(),
        task.dueDate(),
        project == null ? null : new ProjectRef(project.id().toString(), project.name()),
        (assignees == null ? List.<Person>of() : assignees)
            .stream().map(a -> new PersonRef(a.userId(), a.displayName())).toList());
  }
}
