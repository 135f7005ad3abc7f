package io.steward.work.domain;

import io.steward.shared.domain.Patch;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Changes to what is written down about a task: fields left out keep their values; checked by
 * {@link Task}.
 */
public record TaskUpdate(
    Patch<String> title,
    Patch<String> description,
    Patch<TaskPriority> priority,
    Patch<LocalDate> dueDate,
    Patch<UUID> projectId) {

  /** Every field given: the task takes exactly what the draft says. */
  public static TaskUpdate whole(TaskDraft draft) {
    return new TaskUpdate(
        Patch.set(draft.title()),
        Patch.set(draft.description()),
        Patch.set(draft.priority()),
        Patch.set(draft.dueDate()),
        Patch.set(draft.projectId()));
  }

  /** Whether no field is given, so the task would stay as it is. */
  public boolean givesNothing() {
    return Stream.of(title, description, priority, dueDate, projectId).noneMatch(Patch::given);
  }
}
