package io.steward.work.interfaces.graphql;

import io.steward.work.domain.TaskTally;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("How a project's tasks divide over the statuses")
public record TaskCounts(
    @NonNull int todo, @NonNull int inProgress, @NonNull int done, @NonNull int total) {

  static final TaskCounts NONE = of(TaskTally.NONE);

  static TaskCounts of(TaskTally tally) {
    return new TaskCounts(tally.todo(), tally.inProgress(), tally.done(), tally.total());
  }
}
