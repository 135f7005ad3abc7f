package io.steward.work.domain;

import io.steward.shared.domain.Patch;
import java.time.LocalDate;
import java.util.UUID;

/** Changes to a checkpoint: fields left out keep their values; checked by {@link Checkpoint}. */
public record CheckpointUpdate(Patch<UUID> projectId, Patch<String> title, Patch<LocalDate> date) {

  /** Every field given: the checkpoint takes exactly these values. */
  public static CheckpointUpdate whole(UUID projectId, String title, LocalDate date) {
    return new CheckpointUpdate(Patch.set(projectId), Patch.set(title), Patch.set(date));
  }
}
