package io.steward.work.application;

import io.steward.work.domain.TaskPriority;
import io.steward.work.domain.TaskStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Which tasks to list and in what order; absent (null) criteria do not filter. {@code dueToday}
 * means due on today's date in the workspace's time zone; {@code search} looks in title and
 * description.
 */
public record TaskQuery(
    UUID projectId,
    List<TaskStatus> statuses,
    List<TaskPriority> priorities,
    String assigneeId,
    LocalDate dueBefore,
    LocalDate dueAfter,
    Boolean dueToday,
    String search,
    TaskOrder order) {

  public static TaskQuery all() {
    return new TaskQuery(null, null, null, null, null, null, null, null, null);
  }

  public TaskQuery orderedBy(TaskOrder order) {
    return new TaskQuery(
        projectId, statuses, priorities, assigneeId, dueBefore, dueAfter, dueToday, search, order);
  }

  public enum TaskOrder {
    DUE_DATE,
    PRIORITY,
    RECENTLY_UPDATED,
    TITLE
  }
}
