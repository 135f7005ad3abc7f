package io.steward.work.interfaces.graphql;

import io.steward.crm.application.CompanyService;
import io.steward.crm.domain.Company;
import io.steward.crm.interfaces.graphql.CompanyView;
import io.steward.shared.application.Paging;
import io.steward.shared.domain.Patch;
import io.steward.shared.domain.StewardException;
import io.steward.shared.interfaces.graphql.Enums;
import io.steward.shared.interfaces.graphql.Ids;
import io.steward.shared.interfaces.graphql.TranslatesFailures;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.interfaces.graphql.Batches;
import io.steward.tenancy.interfaces.graphql.Connections;
import io.steward.work.application.CheckpointService;
import io.steward.work.application.NoteService;
import io.steward.work.application.ProjectService;
import io.steward.work.application.TaskQuery;
import io.steward.work.application.TaskService;
import io.steward.work.domain.CheckpointUpdate;
import io.steward.work.domain.NoteUpdate;
import io.steward.work.domain.Project;
import io.steward.work.domain.ProjectUpdate;
import io.steward.work.domain.TaskDraft;
import io.steward.work.domain.TaskUpdate;
import io.steward.work.interfaces.graphql.WorkConnections.CheckpointEdge;
import io.steward.work.interfaces.graphql.WorkConnections.Checkpoints;
import io.steward.work.interfaces.graphql.WorkConnections.CommentEdge;
import io.steward.work.interfaces.graphql.WorkConnections.Comments;
import io.steward.work.interfaces.graphql.WorkConnections.NoteEdge;
import io.steward.work.interfaces.graphql.WorkConnections.Notes;
import io.steward.work.interfaces.graphql.WorkConnections.ProjectEdge;
import io.steward.work.interfaces.graphql.WorkConnections.Projects;
import io.steward.work.interfaces.graphql.WorkConnections.TaskEdge;
import io.steward.work.interfaces.graphql.WorkConnections.Tasks;
import io.steward.work.interfaces.graphql.WorkEnums.TaskOrder;
import io.steward.work.interfaces.graphql.WorkEnums.TaskStatus;
import io.steward.work.interfaces.graphql.WorkInputs.CheckpointFilter;
import io.steward.work.interfaces.graphql.WorkInputs.CheckpointInput;
import io.steward.work.interfaces.graphql.WorkInputs.NoteFilter;
import io.steward.work.interfaces.graphql.WorkInputs.NoteInput;
import io.steward.work.interfaces.graphql.WorkInputs.ProjectFilter;
import io.steward.work.interfaces.graphql.WorkInputs.ProjectInput;
import io.steward.work.interfaces.graphql.WorkInputs.TaskFilter;
import io.steward.work.interfaces.graphql.WorkInputs.TaskInput;
import io.steward.workspace.interfaces.graphql.PersonView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/**
 * Work data: projects, tasks with comments, checkpoints and notes. Every operation names its
 * workspace; viewers read, members write, admins and owners also delete projects. Nested fields are
 * loaded for a whole page at once.
 */
@GraphQLApi
@ApplicationScoped
@TranslatesFailures
public class WorkGraphQL {

  private static final String WORKSPACE_ID = "workspaceId";

  @Inject ProjectService projects;
  @Inject TaskService tasks;
  @Inject CheckpointService checkpoints;
  @Inject NoteService notes;
  @Inject CompanyService companies;

  // --- projects ---

  @Query
  @Description("Projects by name")
  public @NonNull Projects projects(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @Name("filter") ProjectFilter filter,
      @Name("first") @DefaultValue("20") @Description("Page size, 1 to 100") int first,
      @Name("after") @Description("Cursor of the last edge of the previous page") String after)
      throws StewardException {
    ProjectFilter f = filter == null ? new ProjectFilter(null, null, null) : filter;
    return Connections.of(
        projects.projects(
            workspace(workspaceId),
            Ids.parse("filter.companyId", f.companyId()),
            Enums.convert(f.status(), io.steward.work.domain.ProjectStatus.class),
            f.search(),
            Paging.request(first, after)),
        ProjectView::new,
        ProjectEdge::new,
        Projects::new);
  }

  @Query
  @Description("One project")
  public @NonNull ProjectView project(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId, @NonNull @Id @Name("id") String id)
      throws StewardException {
    return new ProjectView(projects.project(workspace(workspaceId), Ids.require("id", id)));
  }

  @Mutation
  @Description("Starts an active project")
  public @NonNull ProjectView createProject(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Name("input") ProjectInput input)
      throws StewardException {
    return new ProjectView(
        projects.create(
            workspace(workspaceId), input.name(), Ids.parse("companyId", input.companyId())));
  }

  @Mutation
  @Description("Renames a project or changes its client company (not while archived)")
  public @NonNull ProjectView updateProject(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Id @Name("id") String id,
      @NonNull @Name("version") Integer version,
      @NonNull @Name("input") ProjectInput input)
      throws StewardException {
    return new ProjectView(
        projects.update(
            workspace(workspaceId),
            Ids.require("id", id),
            version,
            ProjectUpdate.whole(input.name(), Ids.parse("companyId", input.companyId()))));
  }

  @Mutation
  @Description("Archives a project: it stays readable but takes no changes or new work")
  public @NonNull ProjectView archiveProject(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Id @Name("id") String id,
      @Name("version") Integer version)
      throws StewardException {
    return new ProjectView(
        projects.archive(workspace(workspaceId), Ids.require("id", id), version));
  }

  @Mutation
  @Description("Makes an archived project active again")
  public @NonNull ProjectView reactivateProject(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Id @Name("id") String id,
      @Name("version") Integer version)
      throws StewardException {
    return new ProjectView(
        projects.reactivate(workspace(workspaceId), Ids.require("id", id), version));
  }

  @Mutation
  @Description(
      "Deletes a project no task, checkpoint or note refers to (admins and owners); archive the"
          + " others")
  public boolean deleteProject(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Id @Name("id") String id,
      @Name("version") Integer version)
      throws StewardException {
    projects.delete(workspace(workspaceId), Ids.require("id", id), version);
    return true;
  }

  @Description("The client company")
  public List<CompanyView> company(@Source List<ProjectView> projects) throws StewardException {
    return Batches.resolve(
        projects,
        p -> Batches.idOf(p.getCompanyId()),
        (workspace, ids) ->
            Batches.byId(companies.companies(workspace, ids), Company::id, CompanyView::new),
        null);
  }

  @Description("How many of the project's tasks are in each status")
  public List<@NonNull TaskCounts> taskCounts(@Source List<ProjectView> projects)
      throws StewardException {
    return Batches.resolve(
        projects,
        p -> Batches.idOf(p.getId()),
        (workspace, ids) ->
            this.projects.taskCounts(workspace, ids).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> TaskCounts.of(e.getValue()))),
        TaskCounts.NONE);
  }

  // --- tasks ---

  @Query
  @Description("Tasks matching a filter, in the chosen order")
  public @NonNull Tasks tasks(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @Name("filter") TaskFilter filter,
      @Name("orderBy") @DefaultValue("DUE_DATE") TaskOrder orderBy,
      @Name("first") @DefaultValue("20") @Description("Page size, 1 to 100") int first,
      @Name("after") @Description("Cursor of the last edge of the previous page") String after)
      throws StewardException {
    TaskQuery query =
        filter == null
            ? TaskQuery.all()
            : new TaskQuery(
                Ids.parse("filter.projectId", filter.projectId()),
                Enums.convertAll(filter.statuses(), io.steward.work.domain.TaskStatus.class),
                Enums.convertAll(filter.priorities(), io.steward.work.domain.TaskPriority.class),
                filter.assigneeId(),
                filter.dueBefore(),
                filter.dueAfter(),
                filter.dueToday(),
                filter.search(),
                null);
    return Connections.of(
        tasks.tasks(
            workspace(workspaceId),
            query.orderedBy(Enums.convert(orderBy, TaskQuery.TaskOrder.class)),
            Paging.request(first, after)),
        TaskView::new,
        TaskEdge::new,
        Tasks::new);
  }

  @Query
  @Description("One task")
  public @NonNull TaskView task(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId, @NonNull @Id @Name("id") String id)
      throws StewardException {
    return new TaskView(tasks.task(workspace(workspaceId), Ids.require("id", id)));
  }

  @Mutation
  @Description("Adds a task to do; assignees must be members, the project active")
  public @NonNull TaskView createTask(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId, @NonNull @Name("input") TaskInput input)
      throws StewardException {
    return new TaskView(
        tasks.create(workspace(workspaceId), draft(input), assignees(input), input.aiSuggested()));
  }

  @Mutation
  @Description("Rewrites a task's details and assignees (status changes have their own mutations)")
  public @NonNull TaskView updateTask(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Id @Name("id") String id,
      @NonNull @Name("version") Integer version,
      @NonNull @Name("input") TaskInput input)
      throws StewardException {
    return new TaskView(
        tasks.update(
            workspace(workspaceId),
            Ids.require("id", id),
            version,
            TaskUpdate.whole(draft(input)),
            Patch.set(assignees(input))));
  }

  @Mutation
  @Description("Moves a task to another status")
  public @NonNull TaskView changeTaskStatus(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Id @Name("id") String id,
      @Name("version") Integer version,
      @NonNull @Name("status") TaskStatus status)
      throws StewardException {
    return new TaskView(
        tasks.changeStatus(
            workspace(workspaceId),
            Ids.require("id", id),
            version,
            Enums.convert(status, io.steward.work.domain.TaskStatus.class)));
  }

  @Mutation
  @Description("Marks a task done")
  public @NonNull TaskView completeTask(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Id @Name("id") String id,
      @Name("version") Integer version)
      throws StewardException {
    return new TaskView(tasks.complete(workspace(workspaceId), Ids.require("id", id), version));
  }

  @Mutation
  @Description("Approves a task an agent suggested")
  public @NonNull TaskView approveTask(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Id @Name("id") String id,
      @Name("version") Integer version)
      throws StewardException {
    return new TaskView(tasks.approve(workspace(workspaceId), Ids.require("id", id), version));
  }

  @Mutation
  @Description("Deletes a task with its comments")
  public boolean deleteTask(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Id @Name("id") String id,
      @Name("version") Integer version)
      throws StewardException {
    tasks.delete(workspace(workspaceId), Ids.require("id", id), version);
    return true;
  }

  @Name("project")
  @Description("The project the task belongs to")
  public List<ProjectView> projectOfTasks(@Source List<TaskView> tasks) throws StewardException {
    return Batches.resolve(tasks, t -> Batches.idOf(t.getProjectId()), this::projectsById, null);
  }

  @Description("The members working on the task")
  public List<@NonNull List<@NonNull PersonView>> assignees(@Source List<TaskView> tasks)
      throws StewardException {
    return Batches.resolve(
        tasks,
        t -> Batches.idOf(t.getId()),
        (workspace, ids) ->
            this.tasks.assignees(workspace, ids).entrySet().stream()
                .collect(
                    Collectors.toMap(
                        Map.Entry::getKey,
                        e -> e.getValue().stream().map(PersonView::of).toList())),
        List.of());
  }

  @Description("How many comments the task has")
  public List<@NonNull Integer> commentCount(@Source List<TaskView> tasks) throws StewardException {
    return Batches.resolve(
        tasks,
        t -> Batches.idOf(t.getId()),
        (workspace, ids) ->
            this.tasks.commentCounts(workspace, ids).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().intValue())),
        0);
  }

  // --- comments ---

  @Query
  @Description("A task's comments, oldest first")
  public @NonNull Comments comments(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Id @Name("taskId") String taskId,
      @Name("first") @DefaultValue("20") @Description("Page size, 1 to 100") int first,
      @Name("after") @Description("Cursor of the last edge of the previous page") String after)
      throws StewardException {
    return Connections.of(
        tasks.comments(
            workspace(workspaceId), Ids.require("taskId", taskId), Paging.request(first, after)),
        CommentView::new,
        CommentEdge::new,
        Comments::new);
  }

  @Mutation
  @Description("Comments on a task as the caller")
  public @NonNull CommentView addComment(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Id @Name("taskId") String taskId,
      @NonNull @Name("content") @Description("Markdown, up to 100 kB") String content)
      throws StewardException {
    return new CommentView(
        tasks.addComment(workspace(workspaceId), Ids.require("taskId", taskId), content));
  }

  @Mutation
  @Description("Rewrites one of the caller's own comments")
  public @NonNull CommentView editComment(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Id @Name("id") String id,
      @Name("version") Integer version,
      @NonNull @Name("content") String content)
      throws StewardException {
    return new CommentView(
        tasks.editComment(workspace(workspaceId), Ids.require("id", id), version, content));
  }

  @Mutation
  @Description("Deletes a comment (its author, or admins and owners)")
  public boolean deleteComment(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId, @NonNull @Id @Name("id") String id)
      throws StewardException {
    tasks.deleteComment(workspace(workspaceId), Ids.require("id", id));
    return true;
  }

  // --- checkpoints ---

  @Query
  @Description("Checkpoints (milestones) by date")
  public @NonNull Checkpoints checkpoints(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @Name("filter") CheckpointFilter filter,
      @Name("first") @DefaultValue("20") @Description("Page size, 1 to 100") int first,
      @Name("after") @Description("Cursor of the last edge of the previous page") String after)
      throws StewardException {
    CheckpointFilter f = filter == null ? new CheckpointFilter(null, null, null) : filter;
    return Connections.of(
        checkpoints.checkpoints(
            workspace(workspaceId),
            Ids.parse("filter.projectId", f.projectId()),
            f.from(),
            f.to(),
            Paging.request(first, after)),
        CheckpointView::new,
        CheckpointEdge::new,
        Checkpoints::new);
  }

  @Query
  @Description("One checkpoint")
  public @NonNull CheckpointView checkpoint(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId, @NonNull @Id @Name("id") String id)
      throws StewardException {
    return new CheckpointView(
        checkpoints.checkpoint(workspace(workspaceId), Ids.require("id", id)));
  }

  @Mutation
  @Description("Sets a checkpoint on an active project")
  public @NonNull CheckpointView createCheckpoint(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Name("input") CheckpointInput input)
      throws StewardException {
    return new CheckpointView(
        checkpoints.create(
            workspace(workspaceId),
            Ids.require("projectId", input.projectId()),
            input.title(),
            input.date(),
            input.aiSuggested()));
  }

  @Mutation
  @Description("Changes a checkpoint's project, title or date")
  public @NonNull CheckpointView updateCheckpoint(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Id @Name("id") String id,
      @NonNull @Name("version") Integer version,
      @NonNull @Name("input") CheckpointInput input)
      throws StewardException {
    return new CheckpointView(
        checkpoints.update(
            workspace(workspaceId),
            Ids.require("id", id),
            version,
            CheckpointUpdate.whole(
                Ids.require("projectId", input.projectId()), input.title(), input.date())));
  }

  @Mutation
  @Description("Approves a checkpoint an agent suggested")
  public @NonNull CheckpointView approveCheckpoint(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Id @Name("id") String id,
      @Name("version") Integer version)
      throws StewardException {
    return new CheckpointView(
        checkpoints.approve(workspace(workspaceId), Ids.require("id", id), version));
  }

  @Mutation
  @Description("Deletes a checkpoint")
  public boolean deleteCheckpoint(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Id @Name("id") String id,
      @Name("version") Integer version)
      throws StewardException {
    checkpoints.delete(workspace(workspaceId), Ids.require("id", id), version);
    return true;
  }

  @Name("project")
  @Description("The project the checkpoint belongs to")
  public List<@NonNull ProjectView> projectOfCheckpoints(@Source List<CheckpointView> checkpoints)
      throws StewardException {
    return Batches.resolve(
        checkpoints, c -> Batches.idOf(c.getProjectId()), this::projectsById, null);
  }

  // --- notes ---

  @Query
  @Description("Notes, last changed first")
  public @NonNull Notes notes(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @Name("filter") NoteFilter filter,
      @Name("first") @DefaultValue("20") @Description("Page size, 1 to 100") int first,
      @Name("after") @Description("Cursor of the last edge of the previous page") String after)
      throws StewardException {
    NoteFilter f = filter == null ? new NoteFilter(null, null) : filter;
    return Connections.of(
        notes.notes(
            workspace(workspaceId),
            Ids.parse("filter.projectId", f.projectId()),
            f.search(),
            Paging.request(first, after)),
        NoteView::new,
        NoteEdge::new,
        Notes::new);
  }

  @Query
  @Description("One note")
  public @NonNull NoteView note(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId, @NonNull @Id @Name("id") String id)
      throws StewardException {
    return new NoteView(notes.note(workspace(workspaceId), Ids.require("id", id)));
  }

  @Mutation
  @Description("Writes a note, on its own or about an active project")
  public @NonNull NoteView createNote(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId, @NonNull @Name("input") NoteInput input)
      throws StewardException {
    return new NoteView(
        notes.create(
            workspace(workspaceId),
            input.title(),
            input.content(),
            Ids.parse("projectId", input.projectId())));
  }

  @Mutation
  @Description("Rewrites a note")
  public @NonNull NoteView updateNote(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Id @Name("id") String id,
      @NonNull @Name("version") Integer version,
      @NonNull @Name("input") NoteInput input)
      throws StewardException {
    return new NoteView(
        notes.update(
            workspace(workspaceId),
            Ids.require("id", id),
            version,
            NoteUpdate.whole(
                input.title(), input.content(), Ids.parse("projectId", input.projectId()))));
  }

  @Mutation
  @Description("Deletes a note")
  public boolean deleteNote(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Id @Name("id") String id,
      @Name("version") Integer version)
      throws StewardException {
    notes.delete(workspace(workspaceId), Ids.require("id", id), version);
    return true;
  }

  @Name("project")
  @Description("The project the note is about")
  public List<ProjectView> projectOfNotes(@Source List<NoteView> notes) throws StewardException {
    return Batches.resolve(notes, n -> Batches.idOf(n.getProjectId()), this::projectsById, null);
  }

  // --- helpers ---

  private Map<UUID, ProjectView> projectsById(WorkspaceId workspace, Collection<UUID> ids)
      throws StewardException {
    return Batches.byId(projects.projects(workspace, ids), Project::id, ProjectView::new);
  }

  private static WorkspaceId workspace(String workspaceId) throws StewardException {
    return WorkspaceId.parse(WORKSPACE_ID, workspaceId);
  }

  private static TaskDraft draft(TaskInput input) throws StewardException {
    return new TaskDraft(
        input.title(),
        input.description(),
        Enums.convert(input.priority(), io.steward.work.domain.TaskPriority.class),
        input.dueDate(),
        Ids.parse("projectId", input.projectId()));
  }

  private static List<String> assignees(TaskInput input) {
    return input.assigneeIds() == null ? List.of() : input.assigneeIds();
  }
}
