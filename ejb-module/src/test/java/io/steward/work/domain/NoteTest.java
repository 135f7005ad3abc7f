package io.steward.work.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.steward.shared.domain.Patch;
import io.steward.tenancy.domain.WorkspaceId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NoteTest {

  @Test
  void should_take_the_fields_an_update_gives_and_keep_the_others() throws Exception {
    UUID project = UUID.randomUUID();
    Note note = Note.write(WorkspaceId.generate(), "Plan", "## Steps", project);
    note.revise(new NoteUpdate(Patch.set("Plan B"), Patch.keep(), Patch.keep()));
    assertEquals("Plan B", note.title());
    assertEquals("## Steps", note.content());
    assertEquals(project, note.projectId());
    note.revise(new NoteUpdate(Patch.keep(), Patch.keep(), Patch.set(null)));
    assertNull(note.projectId(), "a project given as null is cleared");
  }
}
