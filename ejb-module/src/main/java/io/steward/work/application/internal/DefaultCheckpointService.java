package io.steward.work.application.internal;

import io.steward.shared.application.Paging.PageRequest;
import io.steward.shared.domain.Dates;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.application.RecordChanges;
import io.steward.tenancy.application.WorkspaceAccess;
import io.steward.tenancy.domain.RecordFilter;
import io.steward.tenancy.domain.RecordOrder;
import io.steward.tenancy.domain.RecordPage;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRecords;
import io.steward.tenancy.domain.WorkspaceRole;
import io.steward.work.application.CheckpointService;
import io.steward.work.application.ProjectService;
import io.steward.work.domain.Checkpoint;
import io.steward.work.domain.CheckpointUpdate;
import io.steward.work.domain.Checkpoint_;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Stateless
public class DefaultCheckpointService implements CheckpointService {

  @Inject WorkspaceAccess access;
  @Inject WorkspaceRecords records;
  @Inject RecordChanges changes;
  @Inject ProjectService projects;

  @Override
  public RecordPage<Checkpoint> checkpoints(
      WorkspaceId workspace, UUID projectId, LocalDate from, LocalDate to, PageRequest page)
      throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    RecordFilter filter =
        RecordFilter.where()
            .equal(Checkpoint_.PROJECT_ID, projectId)
            .atLeast(Checkpoint_.DATE, Dates.inRange("filter.from", from))
            .atMost(Checkpoint_.DATE, Dates.inRange("filter.to", to));
    return records.page(
        Checkpoint.class,
        workspace,
        filter,
        List.of(RecordOrder.ascending(Checkpoint_.DATE)),
        page.offset(),
        page.limit());
  }

  @Override
  public Checkpoint checkpoint(WorkspaceId workspace, UUID id) throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    return load(workspace, id);
  }

  @Override
  public Checkpoint create(
      WorkspaceId workspace, UUID projectId, String title, LocalDate date, boolean aiSuggested)
      throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    Checkpoint checkpoint = Checkpoint.set(workspace, projectId, title, date, aiSuggested);
    projects.activeProject(workspace, projectId, "projectId");
    return changes.add(checkpoint, "checkpointWasSet");
  }

  @Override
  public Checkpoint update(WorkspaceId workspace, UUID id, Integer version, CheckpointUpdate update)
      throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    Checkpoint checkpoint = load(workspace, id);
    UUID projectId = update.projectId().or(checkpoint.projectId());
    if (projectId != null) {
      projects.activeProject(workspace, projectId, "projectId");
    }
    return changes.change(checkpoint, version, "checkpointWasUpdated", c -> c.revise(update));
  }

  @Override
  public Checkpoint approve(WorkspaceId workspace, UUID id, Integer version)
      throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    return changes.change(
        load(workspace, id), version, "checkpointWasApproved", Checkpoint::approve);
  }

  @Override
  public void delete(WorkspaceId workspace, UUID id, Integer version) throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    changes.remove(load(workspace, id), version, "checkpointWasDeleted");
  }

  private Checkpoint load(WorkspaceId workspace, UUID id) throws StewardException {
    return changes.find(Checkpoint.class, workspace, id, "id");
  }
}
