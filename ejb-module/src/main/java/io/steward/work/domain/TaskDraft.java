package io.steward.work.domain;

import java.time.LocalDate;
import java.util.UUID;

/** What a person (or agent) writes down about a task; checked by {@link Task}. */
public record TaskDraft(
    String title, String description, TaskPriority priority, LocalDate dueDate, UUID projectId) {}
