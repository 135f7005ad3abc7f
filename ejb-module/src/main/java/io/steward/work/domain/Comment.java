package io.steward.work.domain;

import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.Text;
import io.steward.tenancy.domain.Person;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRecord;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Map;
import java.util.UUID;

/** A remark on a task, in Markdown, by a member. */
@Entity
@Table(name = "task_comment")
public class Comment extends WorkspaceRecord {

  @Column(name = "task_id", nullable = false, updatable = false)
  private UUID taskId;

  @Embedded
  @AttributeOverride(name = "userId", column = @Column(name = "author_id"))
  @AttributeOverride(name = "username", column = @Column(name = "author_username"))
  @AttributeOverride(name = "displayName", column = @Column(name = "author_display_name"))
  private Person author;

  @Column(nullable = false)
  private String content;

  protected Comment() {}

  private Comment(WorkspaceId workspace, UUID taskId, Person author) {
    super(workspace);
    this.taskId = taskId;
    this.author = author;
  }

  public static Comment on(WorkspaceId workspace, UUID taskId, Person author, String content)
      throws InvalidInputException {
    Comment comment = new Comment(workspace, taskId, author);
    comment.content = Text.markdown("content", content, true);
    return comment;
  }

  public void edit(String content) throws InvalidInputException {
    this.content = Text.markdown("content", content, true);
  }

  public boolean writtenBy(String userId) {
    return author.userId().equals(userId);
  }

  public UUID taskId() {
    return taskId;
  }

  public Person author() {
    return author;
  }

  public String content() {
    return content;
  }

  @Override
  public String label() {
    return content;
  }

  @Override
  public Map<String, Object> state() {
    return state(
        "taskId", taskId,
        "authorId", author.userId(),
        "content", content);
  }
}
