package io.steward.work.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.Patch;
import io.steward.tenancy.domain.WorkspaceId;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CheckpointTest {

  private static final UUID PROJECT = UUID.randomUUID();
  private static final LocalDate GO_LIVE = LocalDate.of(2026, 12, 1);

  @Test
  void should_take_the_fields_an_update_gives_and_keep_the_others() throws Exception {
    Checkpoint checkpoint =
        Checkpoint.set(WorkspaceId.generate(), PROJECT, "Go-live", GO_LIVE, false);
    checkpoint.revise(
        new CheckpointUpdate(Patch.keep(), Patch.keep(), Patch.set(GO_LIVE.plusDays(7))));
    assertEquals(PROJECT, checkpoint.projectId());
    assertEquals("Go-live", checkpoint.title());
    assertEquals(GO_LIVE.plusDays(7), checkpoint.date());
  }

  @Test
  void should_refuse_to_clear_the_project_or_the_date() throws Exception {
    Checkpoint checkpoint =
        Checkpoint.set(WorkspaceId.generate(), PROJECT, "Go-live", GO_LIVE, false);
    assertEquals(
        "projectId",
        assertThrows(
                InvalidInputException.class,
                () ->
                    checkpoint.revise(
                        new CheckpointUpdate(Patch.set(null), Patch.keep(), Patch.keep())))
            .field());
    assertEquals(
        "date",
        assertThrows(
                InvalidInputException.class,
                () ->
                    checkpoint.revise(
                        new CheckpointUpdate(Patch.keep(), Patch.keep(), Patch.set(null))))
            .field());
  }
}
