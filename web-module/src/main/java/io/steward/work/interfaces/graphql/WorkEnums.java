package io.steward.work.interfaces.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

/** The enums of the work schema. */
public final class WorkEnums {

  private WorkEnums() {}

  @Enum("ProjectStatus")
  @Description("Archived projects are read-only; archive rather than delete")
  public enum ProjectStatus {
    ACTIVE,
    ARCHIVED
  }

  @Enum("TaskStatus")
  public enum TaskStatus {
    TODO,
    IN_PROGRESS,
    DONE
  }

  @Enum("TaskPriority")
  public enum TaskPriority {
    HIGH,
    MEDIUM,
    LOW
  }

  @Enum("TaskOrder")
  @Description(
      "DUE_DATE: soonest first, undated last, then by priority; PRIORITY: high first, then by due"
          + " date; RECENTLY_UPDATED: last changed first; TITLE: alphabetical")
  public enum TaskOrder {
    DUE_DATE,
    PRIORITY,
    RECENTLY_UPDATED,
    TITLE
  }
}
