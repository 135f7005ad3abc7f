package io.steward.work.application.internal;

import io.steward.shared.application.Paging.PageRequest;
import io.steward.shared.domain.AccessDeniedException;
import io.steward.shared.domain.Dates;
import io.steward.shared.domain.Patch;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.application.RecordChanges;
import io.steward.tenancy.application.WorkspaceAccess;
import io.steward.tenancy.domain.Person;
import io.steward.tenancy.domain.Person_;
import io.steward.tenancy.domain.RecordFilter;
import io.steward.tenancy.domain.RecordOrder;
import io.steward.tenancy.domain.RecordPage;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRecords;
import io.steward.tenancy.domain.WorkspaceRecords.GroupCount;
import io.steward.tenancy.domain.WorkspaceRecords.Owned;
import io.steward.tenancy.domain.WorkspaceRole;
import io.steward.work.application.ProjectService;
import io.steward.work.application.TaskQuery;
import io.steward.work.application.TaskService;
import io.steward.work.domain.Comment;
import io.steward.work.domain.Comment_;
import io.steward.work.domain.Task;
import io.steward.work.domain.TaskDraft;
import io.steward.work.domain.TaskStatus;
import io.steward.work.domain.TaskUpdate;
import io.steward.work.domain.Task_;
import io.steward.workspace.application.WorkspacePeople;
import io.steward.workspace.domain.UnknownWorkspaceException;
import io.steward.workspace.domain.WorkspaceRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Stateless
public class DefaultTaskService implements TaskService {

  @Inject WorkspaceAccess access;
  @Inject WorkspaceRecords records;
  @Inject RecordChanges changes;
  @Inject WorkspacePeople people;
  @Inject WorkspaceRepository workspaces;
  @Inject ProjectService projects;

  @Override
  public RecordPage<Task> tasks(WorkspaceId workspace, TaskQuery query, PageRequest page)
      throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    RecordFilter filter =
        RecordFilter.where()
            .equal(Task_.PROJECT_ID, query.projectId())
            .in(Task_.STATUS, query.statuses())
            .in(Task_.PRIORITY, query.priorities())
            .hasElement(Task_.ASSIGNEES, Person_.USER_ID, query.assigneeId())
            .atMost(Task_.DUE_DATE, Dates.inRange("filter.dueBefore", query.dueBefore()))
            .atLeast(Task_.DUE_DATE, Dates.inRange("filter.dueAfter", query.dueAfter()))
            .containsText(query.search(), Task_.TITLE, Task_.DESCRIPTION);
    if (Boolean.TRUE.equals(query.dueToday())) {
      filter.equal(Task_.DUE_DATE, today(workspace));
    }
    return records.page(
        Task.class, workspace, filter, order(query.order()), page.offset(), page.limit());
  }

  private static List<RecordOrder> order(TaskQuery.TaskOrder order) {
    return switch (order == null ? TaskQuery.TaskOrder.DUE_DATE : order) {
      case DUE_DATE ->
          List.of(
              RecordOrder.ascending(Task_.DUE_DATE), RecordOrder.ascending(Task_.PRIORITY_RANK));
      case PRIORITY ->
          List.of(
              RecordOrder.ascending(Task_.PRIORITY_RANK), RecordOrder.ascending(Task_.DUE_DATE));
      case RECENTLY_UPDATED -> List.of(RecordOrder.descending(Task_.UPDATED_AT));
      case TITLE -> List.of(RecordOrder.ascending(Task_.TITLE));
    };
  }

  private LocalDate today(WorkspaceId workspace) throws UnknownWorkspaceException {
    return LocalDate.now(
        workspaces
            .find(workspace)
            .orElseThrow(() -> new UnknownWorkspaceException(workspace))
            .timeZone());
  }

  @Override
  public Task task(WorkspaceId workspace, UUID id) throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    return load(workspace, id);
  }

  @Override
  public Task create(
      WorkspaceId workspace, TaskDraft draft, List<String> assigneeIds, boolean aiSuggested)
      throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    Task task = Task.plan(workspace, draft, aiSuggested);
    requireActiveProject(workspace, task.projectId());
    task.assign(people.members(workspace, assigneeIds, "assigneeIds"));
    return changes.add(task, "taskWasCreated");
  }

  @Override
  public Task update(
      WorkspaceId workspace,
      UUID id,
      Integer version,
      TaskUpdate update,
      Patch<List<String>> assigneeIds)
      throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    Task task = load(workspace, id);
    UUID projectId = update.projectId().or(task.projectId());
    if (projectId != null && !projectId.equals(task.projectId())) {
      requireActiveProject(workspace, projectId);
    }
    // Kept assignees are checked again, like given ones: all must still be members.
    List<String> current = task.assignees().stream().map(Person::userId).toList();
    List<Person> assignees = people.members(workspace, assigneeIds.or(current), "assigneeIds");
    return changes.change(
        task,
        version,
        "taskWasUpdated",
        t -> {
          t.revise(update);
          t.assign(assignees);
        });
  }

  @Override
  public Task changeStatus(WorkspaceId workspace, UUID id, Integer version, TaskStatus status)
      throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    return changes.change(
        load(workspace, id), version, "taskStatusWasChanged", t -> t.moveTo(status));
  }

  @Override
  public Task complete(WorkspaceId workspace, UUID id, Integer version) throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    return changes.change(load(workspace, id), version, "taskWasCompleted", Task::complete);
  }

  @Override
  public Task approve(WorkspaceId workspace, UUID id, Integer version) throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    return changes.change(load(workspace, id), version, "taskWasApproved", Task::approve);
  }

  @Override
  public void delete(WorkspaceId workspace, UUID id, Integer version) throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    changes.remove(load(workspace, id), version, "taskWasDeleted");
  }

  @Override
  public Map<UUID, List<Person>> assignees(WorkspaceId workspace, Collection<UUID> taskIds)
      throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    Map<UUID, List<Person>> assignees = new HashMap<>();
    for (Owned<Person> assignee :
        records.elements(Task.class, workspace, taskIds, Task_.ASSIGNEES, Person.class)) {
      assignees.computeIfAbsent(assignee.owner(), t -> new ArrayList<>()).add(assignee.element());
    }
    return assignees;
  }

  @Override
  public Map<UUID, Long> commentCounts(WorkspaceId workspace, Collection<UUID> taskIds)
      throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    Map<UUID, Long> counts = new HashMap<>();
    if (!taskIds.isEmpty()) {
      for (GroupCount group :
          records.count(
              Comment.class,
              workspace,
              RecordFilter.where().in(Comment_.TASK_ID, taskIds),
              Comment_.TASK_ID)) {
        counts.put((UUID) group.key().get(0), group.count());
      }
    }
    return counts;
  }

  @Override
  public RecordPage<Comment> comments(WorkspaceId workspace, UUID taskId, PageRequest page)
      throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    load(workspace, taskId);
    return records.page(
        Comment.class,
        workspace,
        RecordFilter.where().equal(Comment_.TASK_ID, taskId),
        List.of(RecordOrder.ascending(Comment_.CREATED_AT)),
        page.offset(),
        page.limit());
  }

  @Override
  public Comment addComment(WorkspaceId workspace, UUID taskId, String content)
      throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    changes.find(Task.class, workspace, taskId, "taskId");
    return changes.add(Comment.on(workspace, taskId, people.caller(), content), "commentWasAdded");
  }

  @Override
  public Comment editComment(WorkspaceId workspace, UUID commentId, Integer version, String content)
      throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    Comment comment = loadComment(workspace, commentId);
    if (!comment.writtenBy(people.caller().userId())) {
      throw new AccessDeniedException("Only the author can edit a comment");
    }
    return changes.change(comment, version, "commentWasEdited", c -> c.edit(content));
  }

  @Override
  public void deleteComment(WorkspaceId workspace, UUID commentId) throws StewardException {
    WorkspaceRole role = access.require(workspace, WorkspaceRole.MEMBER);
    Comment comment = loadComment(workspace, commentId);
    if (!comment.writtenBy(people.caller().userId()) && !role.includes(WorkspaceRole.ADMIN)) {
      throw new AccessDeniedException("Only the author or an admin can delete a comment");
    }
    changes.remove(comment, null, "commentWasDeleted");
  }

  private void requireActiveProject(WorkspaceId workspace, UUID projectId) throws StewardException {
    if (projectId != null) {
      projects.activeProject(workspace, projectId, "projectId");
    }
  }

  private Task load(WorkspaceId workspace, UUID id) throws StewardException {
    return changes.find(Task.class, workspace, id, "id");
  }

  private Comment loadComment(WorkspaceId workspace, UUID id) throws StewardException {
    return changes.find(Comment.class, workspace, id, "id");
  }
}
