package io.steward.work.application;

import io.steward.shared.application.Paging.PageRequest;
import io.steward.shared.domain.Patch;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.Person;
import io.steward.tenancy.domain.RecordPage;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.work.domain.Comment;
import io.steward.work.domain.Task;
import io.steward.work.domain.TaskDraft;
import io.steward.work.domain.TaskStatus;
import io.steward.work.domain.TaskUpdate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tasks and their comments. Viewers read; members create, change and delete. Changes name the
 * version they are based on (null: the current one); a stale version is a conflict.
 */
public interface TaskService {

  RecordPage<Task> tasks(WorkspaceId workspace, TaskQuery query, PageRequest page)
      throws StewardException;

  Task task(WorkspaceId workspace, UUID id) throws StewardException;

  /** New task; assignees are user ids of members, the project (if any) must be active. */
  Task create(WorkspaceId workspace, TaskDraft draft, List<String> assigneeIds, boolean aiSuggested)
      throws StewardException;

  /**
   * Changes the fields the update gives and, if {@code assigneeIds} is given, who works on the
   * task; the others keep their values. A project given must be active.
   */
  Task update(
      WorkspaceId workspace,
      UUID id,
      Integer version,
      TaskUpdate update,
      Patch<List<String>> assigneeIds)
      throws StewardException;

  Task changeStatus(WorkspaceId workspace, UUID id, Integer version, TaskStatus status)
      throws StewardException;

  Task complete(WorkspaceId workspace, UUID id, Integer version) throws StewardException;

  /** Approves a task an agent suggested. */
  Task approve(WorkspaceId workspace, UUID id, Integer version) throws StewardException;

  void delete(WorkspaceId workspace, UUID id, Integer version) throws StewardException;

  /** The assignees of each of these tasks, in one query. */
  Map<UUID, List<Person>> assignees(WorkspaceId workspace, Collection<UUID> taskIds)
      throws StewardException;

  /** How many comments each of these tasks has, in one query. */
  Map<UUID, Long> commentCounts(WorkspaceId workspace, Collection<UUID> taskIds)
      throws StewardException;

  /** A task's comments, oldest first. */
  RecordPage<Comment> comments(WorkspaceId workspace, UUID taskId, PageRequest page)
      throws StewardException;

  Comment addComment(WorkspaceId workspace, UUID taskId, String content) throws StewardException;

  /** Authors edit their own comments. */
  Comment editComment(WorkspaceId workspace, UUID commentId, Integer version, String content)
      throws StewardException;

  /** Authors delete their own comments; admins and owners delete any. */
  void deleteComment(WorkspaceId workspace, UUID commentId) throws StewardException;
}
