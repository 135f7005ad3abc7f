package io.steward.work.agent;

import io.steward.agent.spi.Agent;
import io.steward.agent.spi.AgentTool;
import io.steward.agent.spi.ToolArguments;
import io.steward.agent.spi.ToolOutcome;
import io.steward.shared.application.Paging;
import io.steward.shared.application.Paging.PageRequest;
import io.steward.shared.domain.Patch;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.WorkspaceRecord;
import io.steward.work.application.CheckpointService;
import io.steward.work.domain.Checkpoint;
import io.steward.work.domain.CheckpointUpdate;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** Lists, sets, moves and removes the checkpoints (milestones) of projects. */
@ApplicationScoped
public class CheckpointAgent implements Agent {

  private static final PageRequest ALL = new PageRequest(0, Paging.MAX_PAGE_SIZE);

  @Inject CheckpointService checkpoints;
  @Inject ProjectReference projectReference;

  private List<AgentTool> tools;

  @PostConstruct
  void buildTools() {
    tools =
        List.of(
            AgentTool.reading("list_checkpoints")
                .description(
                    "Lists checkpoints (milestones) by date, optionally of one project and"
                        + " within a date range.")
                .text("project", "The project's id or name")
                .date("from", "Only checkpoints on or after this date")
                .date("to", "Only checkpoints on or before this date")
                .handler(this::listCheckpoints),
            AgentTool.creating("create_checkpoint", Checkpoint.class)
                .description("Sets a checkpoint (milestone) on a date in an active project.")
                .requiredText("project", "The project's id or name")
                .requiredText("title", "What is reached or due at the checkpoint")
                .requiredDate("date", "The checkpoint's date")
                .handler(this::createCheckpoint),
            AgentTool.updating("update_checkpoint", Checkpoint.class, "checkpointId")
                .description(
                    "Renames a checkpoint, moves it to another date or project; fields left out"
                        + " keep their values.")
                .requiredText("checkpointId", "The checkpoint's id")
                .version()
                .text("title", "New title")
                .date("date", "New date")
                .text("project", "The id or name of the project it moves to")
                .handler(this::updateCheckpoint),
            AgentTool.deleting("delete_checkpoint", Checkpoint.class, "checkpointId")
                .description("Removes a checkpoint for good.")
                .requiredText("checkpointId", "The checkpoint's id")
                .version()
                .handler(this::deleteCheckpoint));
  }

  @Override
  public Profile profile() {
    return new Profile(
        "checkpoint",
        "Tracks project checkpoints (milestones) and their dates: lists what is coming up,"
            + " sets new milestones, moves or renames them and removes them.",
        List.of(
            "Which milestones are coming up in the next four weeks?",
            "When is the go-live of the Northwind web shop?",
            "List the checkpoints of the Globex brand refresh",
            "Add a checkpoint 'Beta launch' on December 15 to the Northwind web shop project",
            "Move the design sign-off milestone to next Friday",
            "Rename the checkpoint 'Final presentation' to 'Final brand presentation'",
            "Remove the 'Print files delivered' milestone"));
  }

  @Override
  public List<AgentTool> tools() {
    return tools;
  }

  private ToolOutcome listCheckpoints(ToolArguments arguments) throws StewardException {
    return ToolOutcome.of(
        checkpoints.checkpoints(
            arguments.workspace(),
            projectReference.id(arguments, "project"),
            arguments.date("from"),
            arguments.date("to"),
            ALL));
  }

  private ToolOutcome createCheckpoint(ToolArguments arguments) throws StewardException {
    return ToolOutcome.of(
        checkpoints.create(
            arguments.workspace(),
            projectReference.requiredId(arguments, "project"),
            arguments.requiredText("title"),
            arguments.requiredDate("date"),
            false));
  }

  private ToolOutcome updateCheckpoint(ToolArguments arguments) throws StewardException {
    CheckpointUpdate update =
        new CheckpointUpdate(
            Patch.ofNullable(projectReference.id(arguments, "project")),
            Patch.ofNullable(arguments.text("title")),
            Patch.ofNullable(arguments.date("date")));
    return ToolOutcome.of(
        checkpoints.update(
            arguments.workspace(),
            arguments.requiredId("checkpointId"),
            arguments.version(),
            update));
  }

  private ToolOutcome deleteCheckpoint(ToolArguments arguments) throws StewardException {
    UUID id = arguments.requiredId("checkpointId");
    checkpoints.delete(arguments.workspace(), id, arguments.version());
    return ToolOutcome.deleted(WorkspaceRecord.typeName(Checkpoint.class), id);
  }
}
