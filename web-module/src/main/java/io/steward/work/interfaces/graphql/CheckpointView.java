package io.steward.work.interfaces.graphql;

import io.steward.tenancy.interfaces.graphql.RecordView;
import io.steward.work.domain.Checkpoint;
import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("Checkpoint")
public class CheckpointView extends RecordView {

  private final String projectId;
  private final String title;
  private final LocalDate date;
  private final boolean aiSuggested;
  private final boolean approved;

  CheckpointView(Checkpoint checkpoint) {
    super(checkpoint);
    this.projectId = checkpoint.projectId().toString();
    this.title = checkpoint.title();
    this.date = checkpoint.date();
    this.aiSuggested = checkpoint.aiSuggested();
    this.approved = checkpoint.approved();
  }

  public @NonNull @Id String getProjectId() {
    return projectId;
  }

  public @NonNull String getTitle() {
    return title;
  }

  public @NonNull LocalDate getDate() {
    return date;
  }

  public @NonNull boolean isAiSuggested() {
    return aiSuggested;
  }

  public @NonNull boolean isApproved() {
    return approved;
  }
}
