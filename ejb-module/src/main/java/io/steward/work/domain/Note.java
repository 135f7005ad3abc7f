package io.steward.work.domain;

import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.Text;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Map;
import java.util.UUID;

/** A Markdown document, on its own or about a project. */
@Entity
@Table(name = "note")
public class Note extends WorkspaceRecord {

  @Column(nullable = false, length = Task.TITLE_MAX_LENGTH)
  private String title;

  private String content;

  @Column(name = "project_id")
  private UUID projectId;

  protected Note() {}

  private Note(WorkspaceId workspace) {
    super(workspace);
  }

  public static Note write(WorkspaceId workspace, String title, String content, UUID projectId)
      throws InvalidInputException {
    Note note = new Note(workspace);
    note.write(title, content, projectId);
    return note;
  }

  /** Takes the fields the update gives; the others keep their values. */
  public void revise(NoteUpdate update) throws InvalidInputException {
    write(update.title().or(title), update.content().or(content), update.projectId().or(projectId));
  }

  private void write(String title, String content, UUID projectId) throws InvalidInputException {
    this.title = Text.requireSingleLine("title", title, Task.TITLE_MAX_LENGTH);
    this.content = Text.markdown("content", content, false);
    this.projectId = projectId;
  }

  public String title() {
    return title;
  }

  public String content() {
    return content;
  }

  public UUID projectId() {
    return projectId;
  }

  @Override
  public String label() {
    return title;
  }

  @Override
  public Map<String, Object> state() {
    return state(
        "title", title,
        "content", content,
        "projectId", projectId);
  }
}
