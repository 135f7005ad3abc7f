package io.steward.work.domain;

import java.util.Map;

/** How a project's tasks divide over the statuses. */
public record TaskTally(int todo, int inProgress, int done) {

  public static final TaskTally NONE = new TaskTally(0, 0, 0);

  public static TaskTally of(Map<TaskStatus, Long> counts) {
    return new TaskTally(
        counts.getOrDefault(TaskStatus.TODO, 0L).intValue(),
        counts.getOrDefault(TaskStatus.IN_PROGRESS, 0L).intValue(),
        counts.getOrDefault(TaskStatus.DONE, 0L).intValue());
  }

  public int total() {
    return todo + inProgress + done;
  }
}
