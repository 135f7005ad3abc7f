package io.steward.work.interfaces.graphql;

import io.steward.tenancy.interfaces.graphql.RecordView;
import io.steward.work.domain.Comment;
import io.steward.workspace.interfaces.graphql.PersonView;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("Comment")
public class CommentView extends RecordView {

  private final String taskId;
  private final PersonView author;
  private final String content;

  CommentView(Comment comment) {
    super(comment);
    this.taskId = comment.taskId().toString();
    this.author = PersonView.of(comment.author());
    this.content = comment.content();
  }

  public @NonNull @Id String getTaskId() {
    return taskId;
  }

  public @NonNull PersonView getAuthor() {
    return author;
  }

  @Description("Markdown")
  public @NonNull String getContent() {
    return content;
  }
}
