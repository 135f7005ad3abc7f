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
import io.steward.work.application.NoteService;
import io.steward.work.domain.Note;
import io.steward.work.domain.NoteUpdate;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** Finds, reads, writes and deletes notes, on their own or about a project. */
@ApplicationScoped
public class NoteAgent implements Agent {

  private static final PageRequest ALL = new PageRequest(0, Paging.MAX_PAGE_SIZE);

  @Inject NoteService notes;
  @Inject ProjectReference projectReference;

  private List<AgentTool> tools;

  @PostConstruct
  void buildTools() {
    tools =
        List.of(
            AgentTool.reading("list_notes")
                .description(
                    "Lists notes, most recently changed first, optionally of one project or"
                        + " matching a search in title and content.")
                .text("project", "The project's id or name")
                .text("search", "Text the title or content contains")
                .handler(this::listNotes),
            AgentTool.reading("get_note")
                .description("Reads one note with its full content.")
                .requiredText("noteId", "The note's id")
                .handler(this::getNote),
            AgentTool.creating("create_note", Note.class)
                .description("Writes a new note, optionally about a project.")
                .requiredText("title", "Short title")
                .requiredText("content", "The note, in Markdown")
                .text("project", "The id or name of the project it is about")
                .handler(this::createNote),
            AgentTool.updating("update_note", Note.class, "noteId")
                .description(
                    "Changes a note's title, content or project; fields left out keep their"
                        + " values. The content given replaces the whole content.")
                .requiredText("noteId", "The note's id")
                .version()
                .text("title", "New title")
                .text("content", "New content, in Markdown")
                .text("project", "The id or name of the project it is about")
                .handler(this::updateNote),
            AgentTool.deleting("delete_note", Note.class, "noteId")
                .description("Deletes a note for good.")
                .requiredText("noteId", "The note's id")
                .version()
                .handler(this::deleteNote));
  }

  @Override
  public Profile profile() {
    return new Profile(
        "note",
        "Keeps the team's notes: finds and reads notes, writes meeting notes, decisions and"
            + " briefs in Markdown, on their own or about a project, and edits or deletes them.",
        List.of(
            "Write a note about today's meeting with Globex",
            "Add a note to the Northwind web shop project: the client wants a dark theme",
            "Note for the web shop project: the payment provider needs our tax number",
            "Write down what we decided in the kickoff meeting",
            "Note: the new brand colours are navy and sand",
            "Show the notes of the Northwind web shop project",
            "What did we decide for the web shop? Look it up in the notes",
            "Find the note about our weekly routine",
            "Add to the brand refresh brief that the logo must stay blue",
            "Rename the note 'Weekly routine' to 'Team rhythm'",
            "Delete the note 'Weekly routine'"));
  }

  @Override
  public List<AgentTool> tools() {
    return tools;
  }

  private ToolOutcome listNotes(ToolArguments arguments) throws StewardException {
    return ToolOutcome.of(
        notes.notes(
            arguments.workspace(),
            projectReference.id(arguments, "project"),
            arguments.text("search"),
            ALL));
  }

  private ToolOutcome getNote(ToolArguments arguments) throws StewardException {
    return ToolOutcome.of(notes.note(arguments.workspace(), arguments.requiredId("noteId")));
  }

  private ToolOutcome createNote(ToolArguments arguments) throws StewardException {
    return ToolOutcome.of(
        notes.create(
            arguments.workspace(),
            arguments.requiredText("title"),
            arguments.requiredText("content"),
            projectReference.id(arguments, "project")));
  }

  private ToolOutcome updateNote(ToolArguments arguments) throws StewardException {
    NoteUpdate update =
        new NoteUpdate(
            Patch.ofNullable(arguments.text("title")),
            Patch.ofNullable(arguments.text("content")),
            Patch.ofNullable(projectReference.id(arguments, "project")));
    return ToolOutcome.of(
        notes.update(
            arguments.workspace(), arguments.requiredId("noteId"), arguments.version(), update));
  }

  private ToolOutcome deleteNote(ToolArguments arguments) throws StewardException {
    UUID id = arguments.requiredId("noteId");
    notes.delete(arguments.workspace(), id, arguments.version());
    return ToolOutcome.deleted(WorkspaceRecord.typeName(Note.class), id);
  }
}
