package io.steward.work.interfaces.graphql;

import io.steward.tenancy.interfaces.graphql.RecordView;
import io.steward.work.domain.Note;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("Note")
public class NoteView extends RecordView {

  private final String title;
  private final String content;
  private final String projectId;

  NoteView(Note note) {
    super(note);
    this.title = note.title();
    this.content = note.content();
    this.projectId = note.projectId() == null ? null : note.projectId().toString();
  }

  public @NonNull String getTitle() {
    return title;
  }

  @Description("Markdown")
  public String getContent() {
    return content;
  }

  public @Id String getProjectId() {
    return projectId;
  }
}
