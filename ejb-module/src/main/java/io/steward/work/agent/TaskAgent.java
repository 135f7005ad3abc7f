package io.steward.work.agent;

import io.steward.agent.spi.Agent;
import io.steward.agent.spi.AgentTool;
import io.steward.agent.spi.ToolArguments;
import io.steward.agent.spi.ToolOutcome;
import io.steward.shared.application.Paging;
import io.steward.shared.application.Paging.PageRequest;
import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.Patch;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRecord;
import io.steward.work.application.TaskQuery;
import io.steward.work.application.TaskQuery.TaskOrder;
import io.steward.work.application.TaskService;
import io.steward.work.domain.Comment;
import io.steward.work.domain.Task;
import io.steward.work.domain.TaskDraft;
import io.steward.work.domain.TaskPriority;
import io.steward.work.domain.TaskStatus;
import io.steward.work.domain.TaskUpdate;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** Lists, creates and changes tasks and their comments; the fallback for requests about work. */
@ApplicationScoped
public class TaskAgent implements Agent {

  private static final int DEFAULT_LIMIT = 20;
  private static final PageRequest ALL = new PageRequest(0, Paging.MAX_PAGE_SIZE);

  @Inject TaskService tasks;
  @Inject ProjectReference projectReference;

  private List<AgentTool> tools;

  @PostConstruct
  void buildTools() {
    tools =
        List.of(
            AgentTool.reading("list_tasks")
                .description(
                    "Lists tasks, optionally of one project, in one status or matching a search"
                        + " in title and description.")
                .text("project", "The project's id or name")
                .choice("status", "Only tasks in this status", TaskStatus.class)
                .text("search", "Text the title or description contains")
                .choice("orderBy", "Sort order; due_date by default", TaskOrder.class)
                .integer("limit", "How many tasks to list, 1 to 100; 20 by default")
                .handler(this::listTasks),
            AgentTool.reading("list_tasks_due_today")
                .description("Lists the tasks due today, optionally of one project.")
                .text("project", "The project's id or name")
                .handler(this::listTasksDueToday),
            AgentTool.creating("create_task", Task.class)
                .description("Creates a task to do.")
                .requiredText("title", "Short title")
                .text("description", "Details, in Markdown")
                .choice("priority", "Priority; medium by default", TaskPriority.class)
                .date("dueDate", "When it is due")
                .text("project", "The id or name of the project it belongs to")
                .textList("assignees", "User ids of the workspace members who work on it")
                .handler(this::createTask),
            AgentTool.updating("update_task", Task.class, "taskId")
                .description(
                    "Changes a task's status, title, description, priority, due date or project;"
                        + " fields left out keep their values.")
                .requiredText("taskId", "The task's id")
                .version()
                .text("title", "New title")
                .text("description", "New description, in Markdown")
                .choice("status", "New status", TaskStatus.class)
                .choice("priority", "New priority", TaskPriority.class)
                .date("dueDate", "New due date")
                .text("project", "The id or name of the project it moves to")
                .handler(this::updateTask),
            AgentTool.deleting("delete_task", Task.class, "taskId")
                .description("Deletes a task for good.")
                .requiredText("taskId", "The task's id")
                .version()
                .handler(this::deleteTask),
            AgentTool.reading("list_comments")
                .description("Lists a task's comments, oldest first.")
                .requiredText("taskId", "The task's id")
                .handler(this::listComments),
            AgentTool.creating("add_comment", Comment.class)
                .description("Adds a comment to a task, as the person running the agent.")
                .requiredText("taskId", "The task's id")
                .requiredText("content", "The comment, in Markdown")
                .handler(this::addComment),
            AgentTool.deleting("delete_comment", Comment.class, "commentId")
                .description("Deletes a comment; people delete their own, admins any.")
                .requiredText("commentId", "The comment's id")
                .handler(this::deleteComment));
  }

  @Override
  public Profile profile() {
    return new Profile(
        "task",
        "Keeps track of tasks: lists what is due or open, creates tasks, changes their status,"
            + " priority and due dates, and reads and writes comments on them.",
        List.of(
            "Which tasks are due today?",
            "Show the open tasks of the Northwind web shop project",
            "List all high-priority tasks in progress, most urgent first",
            "Create a task to renew the SSL certificates by Friday, high priority",
            "Remind me to send Globex the signed contract next Tuesday",
            "Which tasks are overdue?",
            "What do I have to do this week?",
            "Mark the task 'Wireframes for checkout' as done",
            "Move the due date of the payment provider task to next Monday",
            "Add a comment to the product import task: waiting for the ERP export",
            "What did people comment on the checkout wireframes task?",
            "Delete the task 'Update team page'"));
  }

  @Override
  public List<AgentTool> tools() {
    return tools;
  }

  private ToolOutcome listTasks(ToolArguments arguments) throws StewardException {
    TaskStatus status = arguments.choice("status", TaskStatus.class);
    TaskQuery query =
        query(
            arguments,
            status == null ? null : List.of(status),
            null,
            arguments.text("search"),
            arguments.choice("orderBy", TaskOrder.class));
    return ToolOutcome.of(
        tasks.tasks(arguments.workspace(), query, new PageRequest(0, limit(arguments))));
  }

  private static int limit(ToolArguments arguments) throws InvalidInputException {
    Integer limit = arguments.integer("limit");
    if (limit == null) {
      return DEFAULT_LIMIT;
    }
    if (limit < 1 || limit > Paging.MAX_PAGE_SIZE) {
      throw new InvalidInputException("limit", "must be between 1 and " + Paging.MAX_PAGE_SIZE);
    }
    return limit;
  }

  private ToolOutcome listTasksDueToday(ToolArguments arguments) throws StewardException {
    return ToolOutcome.of(
        tasks.tasks(arguments.workspace(), query(arguments, null, true, null, null), ALL));
  }

  /** Tasks of the project the arguments name (if they do) that meet the other criteria. */
  private TaskQuery query(
      ToolArguments arguments,
      List<TaskStatus> statuses,
      Boolean dueToday,
      String search,
      TaskOrder order)
      throws StewardException {
    return new TaskQuery(
        projectReference.id(arguments, "project"),
        statuses,
        null,
        null,
        null,
        null,
        dueToday,
        search,
        order);
  }

  private ToolOutcome createTask(ToolArguments arguments) throws StewardException {
    TaskDraft draft =
        new TaskDraft(
            arguments.requiredText("title"),
            arguments.text("description"),
            arguments.choice("priority", TaskPriority.class),
            arguments.date("dueDate"),
            projectReference.id(arguments, "project"));
    List<String> assignees = arguments.textList("assignees");
    return ToolOutcome.of(
        tasks.create(
            arguments.workspace(), draft, assignees == null ? List.of() : assignees, false));
  }

  /**
   * Revises the task with the fields given, then changes its status if one is given (unless the
   * revision leaves the task in that status already).
   */
  private ToolOutcome updateTask(ToolArguments arguments) throws StewardException {
    WorkspaceId workspace = arguments.workspace();
    UUID id = arguments.requiredId("taskId");
    TaskUpdate update =
        new TaskUpdate(
            Patch.ofNullable(arguments.text("title")),
            Patch.ofNullable(arguments.text("description")),
            Patch.ofNullable(arguments.choice("priority", TaskPriority.class)),
            Patch.ofNullable(arguments.date("dueDate")),
            Patch.ofNullable(projectReference.id(arguments, "project")));
    TaskStatus status = arguments.choice("status", TaskStatus.class);
    if (update.givesNothing()) {
      return ToolOutcome.of(
          status == null
              ? tasks.task(workspace, id)
              : tasks.changeStatus(workspace, id, arguments.version(), status));
    }
    Task task = tasks.update(workspace, id, arguments.version(), update, Patch.keep());
    if (status != null && status != task.status()) {
      task = tasks.changeStatus(workspace, id, task.version(), status);
    }
    return ToolOutcome.of(task);
  }

  private ToolOutcome deleteTask(ToolArguments arguments) throws StewardException {
    UUID id = arguments.requiredId("taskId");
    tasks.delete(arguments.workspace(), id, arguments.version());
    return ToolOutcome.deleted(WorkspaceRecord.typeName(Task.class), id);
  }

  private ToolOutcome listComments(ToolArguments arguments) throws StewardException {
    return ToolOutcome.of(
        tasks.comments(arguments.workspace(), arguments.requiredId("taskId"), ALL));
  }

  private ToolOutcome addComment(ToolArguments arguments) throws StewardException {
    return ToolOutcome.of(
        tasks.addComment(
            arguments.workspace(),
            arguments.requiredId("taskId"),
            arguments.requiredText("content")));
  }

  private ToolOutcome deleteComment(ToolArguments arguments) throws StewardException {
    UUID id = arguments.requiredId("commentId");
    tasks.deleteComment(arguments.workspace(), id);
    return ToolOutcome.deleted(WorkspaceRecord.typeName(Comment.class), id);
  }
}
