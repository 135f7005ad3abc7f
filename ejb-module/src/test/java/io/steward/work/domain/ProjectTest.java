package io.steward.work.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.steward.shared.domain.Patch;
import io.steward.shared.domain.RuleViolationException;
import io.steward.tenancy.domain.WorkspaceId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProjectTest {

  @Test
  void should_keep_an_archived_project_read_only_until_reactivated() throws Exception {
    Project project = Project.start(WorkspaceId.generate(), "Relaunch", null);
    project.archive();
    assertEquals(ProjectStatus.ARCHIVED, project.status());
    assertThrows(
        RuleViolationException.class, () -> project.revise(ProjectUpdate.whole("Renamed", null)));
    assertThrows(RuleViolationException.class, project::archive);
    project.reactivate();
    project.revise(ProjectUpdate.whole("Renamed", null));
    assertEquals("Renamed", project.name());
    assertThrows(RuleViolationException.class, project::reactivate);
  }

  @Test
  void should_take_the_fields_an_update_gives_and_keep_the_others() throws Exception {
    UUID client = UUID.randomUUID();
    Project project = Project.start(WorkspaceId.generate(), "Relaunch", client);
    project.revise(new ProjectUpdate(Patch.set("Relaunch 2"), Patch.keep()));
    assertEquals("Relaunch 2", project.name());
    assertEquals(client, project.companyId());
    project.revise(new ProjectUpdate(Patch.keep(), Patch.set(null)));
    assertEquals("Relaunch 2", project.name());
    assertNull(project.companyId(), "a client company given as null is cleared");
  }
}
