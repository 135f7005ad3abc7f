package io.steward.work.agent;

import io.steward.agent.spi.Agent;
import io.steward.agent.spi.AgentTool;
import io.steward.agent.spi.ToolArguments;
import io.steward.agent.spi.ToolOutcome;
import io.steward.crm.agent.CompanyReference;
import io.steward.shared.application.Paging;
import io.steward.shared.application.Paging.PageRequest;
import io.steward.shared.domain.Patch;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRecord;
import io.steward.work.application.ProjectService;
import io.steward.work.domain.Project;
import io.steward.work.domain.ProjectStatus;
import io.steward.work.domain.ProjectUpdate;
import io.steward.work.domain.TaskTally;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Lists, starts, renames, archives and deletes projects. */
@ApplicationScoped
public class ProjectAgent implements Agent {

  private static final PageRequest ALL = new PageRequest(0, Paging.MAX_PAGE_SIZE);

  @Inject ProjectService projects;
  @Inject CompanyReference companyReference;

  private List<AgentTool> tools;

  @PostConstruct
  void buildTools() {
    tools =
        List.of(
            AgentTool.reading("list_projects")
                .description(
                    "Lists projects by name: the active ones unless archived ones are asked for,"
                        + " optionally of one client company or matching a search in the name.")
                .text("company", "The client company's id or name")
                .flag("includeArchived", "Also list archived projects; false by default")
                .text("search", "Text the project's name contains")
                .handler(this::listProjects),
            AgentTool.reading("list_all_projects")
                .description("Lists every project, active and archived.")
                .handler(this::listAllProjects),
            AgentTool.reading("get_project")
                .description("Reads one project with how many of its tasks are in each status.")
                .requiredText("projectId", "The project's id")
                .handler(this::getProject),
            AgentTool.creating("create_project", Project.class)
                .description("Starts a new, active project, optionally for a client company.")
                .requiredText("name", "The project's name")
                .text("company", "The client company's id or name")
                .handler(this::createProject),
            AgentTool.updating("update_project", Project.class, "projectId")
                .description(
                    "Renames an active project or changes its client company; fields left out"
                        + " keep their values.")
                .requiredText("projectId", "The project's id")
                .version()
                .text("name", "New name")
                .text("company", "The id or name of the new client company")
                .handler(this::updateProject),
            AgentTool.updating("archive_project", Project.class, "projectId")
                .description(
                    "Archives a project: it stays readable but takes no changes or new work."
                        + " This is how projects are closed.")
                .requiredText("projectId", "The project's id")
                .version()
                .handler(this::archiveProject),
            AgentTool.deleting("delete_project", Project.class, "projectId")
                .description(
                    "Deletes a project for good. Use only when the user explicitly asks to delete"
                        + " it; otherwise archive it. Fails while tasks, checkpoints or notes"
                        + " belong to it.")
                .requiredText("projectId", "The project's id")
                .version()
                .handler(this::deleteProject));
  }

  @Override
  public Profile profile() {
    return new Profile(
        "project",
        "Manages projects: lists active and archived ones, shows a project's progress, starts"
            + " projects for client companies, renames, archives and deletes them.",
        List.of(
            "Which projects are active right now?",
            "Which projects do we run for Northwind Traders?",
            "Show all projects, archived ones included",
            "How far along is the Northwind web shop project?",
            "Start a new project 'Globex trade fair booth' for Globex Corporation",
            "Rename the project 'Our own website' to 'Agency website relaunch'",
            "Archive the Globex brand refresh project, it is finished",
            "Delete the project 'Test project' for good"));
  }

  @Override
  public List<AgentTool> tools() {
    return tools;
  }

  private ToolOutcome listProjects(ToolArguments arguments) throws StewardException {
    ProjectStatus status = arguments.flag("includeArchived", false) ? null : ProjectStatus.ACTIVE;
    return ToolOutcome.of(
        projects.projects(
            arguments.workspace(),
            companyReference.id(arguments, "company"),
            status,
            arguments.text("search"),
            ALL));
  }

  private ToolOutcome listAllProjects(ToolArguments arguments) throws StewardException {
    return ToolOutcome.of(projects.projects(arguments.workspace(), null, null, null, ALL));
  }

  private ToolOutcome getProject(ToolArguments arguments) throws StewardException {
    WorkspaceId workspace = arguments.workspace();
    Project project = projects.project(workspace, arguments.requiredId("projectId"));
    TaskTally tally =
        projects
            .taskCounts(workspace, List.of(project.id()))
            .getOrDefault(project.id(), TaskTally.NONE);
    Map<String, Object> content = new LinkedHashMap<>(ToolOutcome.describe(project));
    content.put(
        "taskCounts",
        Map.of("todo", tally.todo(), "inProgress", tally.inProgress(), "done", tally.done()));
    return ToolOutcome.ofValue(content, List.of(ToolOutcome.refOf(project)));
  }

  private ToolOutcome createProject(ToolArguments arguments) throws StewardException {
    return ToolOutcome.of(
        projects.create(
            arguments.workspace(),
            arguments.requiredText("name"),
            companyReference.id(arguments, "company")));
  }

  private ToolOutcome updateProject(ToolArguments arguments) throws StewardException {
    ProjectUpdate update =
        new ProjectUpdate(
            Patch.ofNullable(arguments.text("name")),
            Patch.ofNullable(companyReference.id(arguments, "company")));
    return ToolOutcome.of(
        projects.update(
            arguments.workspace(), arguments.requiredId("projectId"), arguments.version(), update));
  }

  private ToolOutcome archiveProject(ToolArguments arguments) throws StewardException {
    return ToolOutcome.of(
        projects.archive(
            arguments.workspace(), arguments.requiredId("projectId"), arguments.version()));
  }

  private ToolOutcome deleteProject(ToolArguments arguments) throws StewardException {
    UUID id = arguments.requiredId("projectId");
    projects.delete(arguments.workspace(), id, arguments.version());
    return ToolOutcome.deleted(WorkspaceRecord.typeName(Project.class), id);
  }
}
