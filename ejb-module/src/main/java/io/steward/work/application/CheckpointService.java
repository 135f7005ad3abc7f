package io.steward.work.application;

import io.steward.shared.application.Paging.PageRequest;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.RecordPage;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.work.domain.Checkpoint;
import io.steward.work.domain.CheckpointUpdate;
import java.time.LocalDate;
import java.util.UUID;

/** Checkpoints (milestones) of projects, by date. Viewers read; members change. */
public interface CheckpointService {

  RecordPage<Checkpoint> checkpoints(
      WorkspaceId workspace, UUID projectId, LocalDate from, LocalDate to, PageRequest page)
      throws StewardException;

  Checkpoint checkpoint(WorkspaceId workspace, UUID id) throws StewardException;

  /** A checkpoint on an active project; one an agent suggests waits for approval. */
  Checkpoint create(
      WorkspaceId workspace, UUID projectId, String title, LocalDate date, boolean aiSuggested)
      throws StewardException;

  /**
   * Changes the fields the update gives, the others keep their values; the project must be active.
   */
  Checkpoint update(WorkspaceId workspace, UUID id, Integer version, CheckpointUpdate update)
      throws StewardException;

  Checkpoint approve(WorkspaceId workspace, UUID id, Integer version) throws StewardException;

  void delete(WorkspaceId workspace, UUID id, Integer version) throws StewardException;
}
