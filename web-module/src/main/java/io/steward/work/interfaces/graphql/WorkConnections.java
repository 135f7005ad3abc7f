package io.steward.work.interfaces.graphql;

import io.steward.shared.interfaces.graphql.PageInfo;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** The connection (page) types of the work schema. */
public final class WorkConnections {

  private WorkConnections() {}

  @Name("ProjectConnection")
  @Description("A page of projects")
  public record Projects(
      @NonNull List<@NonNull ProjectEdge> edges, @NonNull PageInfo pageInfo, int totalCount) {}

  @Name("ProjectEdge")
  public record ProjectEdge(@NonNull String cursor, @NonNull ProjectView node) {}

  @Name("TaskConnection")
  @Description("A page of tasks")
  public record Tasks(
      @NonNull List<@NonNull TaskEdge> edges, @NonNull PageInfo pageInfo, int totalCount) {}

  @Name("TaskEdge")
  public record TaskEdge(@NonNull String cursor, @NonNull TaskView node) {}

  @Name("CommentConnection")
  @Description("A page of comments, oldest first")
  public record Comments(
      @NonNull List<@NonNull CommentEdge> edges, @NonNull PageInfo pageInfo, int totalCount) {}

  @Name("CommentEdge")
  public record CommentEdge(@NonNull String cursor, @NonNull CommentView node) {}

  @Name("CheckpointConnection")
  @Description("A page of checkpoints, by date")
  public record Checkpoints(
      @NonNull List<@NonNull CheckpointEdge> edges, @NonNull PageInfo pageInfo, int totalCount) {}

  @Name("CheckpointEdge")
  public record CheckpointEdge(@NonNull String cursor, @NonNull CheckpointView node) {}

  @Name("NoteConnection")
  @Description("A page of notes, last changed first")
  public record Notes(
      @NonNull List<@NonNull NoteEdge> edges, @NonNull PageInfo pageInfo, int totalCount) {}

  @Name("NoteEdge")
  public record NoteEdge(@NonNull String cursor, @NonNull NoteView node) {}
}
