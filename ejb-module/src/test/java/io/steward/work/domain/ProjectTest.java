package io.steward.work.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.steward.shared.domain.RuleViolationException;
import io.steward.tenancy.domain.WorkspaceId;
import org.junit.jupiter.api.Test;

class ProjectTest {

  @Test
  void should_keep_an_archived_project_read_only_until_reactivated() throws Exception {
    Project project = Project.start(WorkspaceId.generate(), "Relaunch", null);
    project.archive();
    assertEquals(ProjectStatus.ARCHIVED, project.status());
    assertThrows(RuleViolationException.class, () -> project.revise("Renamed", null));
    assertThrows(RuleViolationException.class, project::archive);
    project.reactivate();
    project.revise("Renamed", null);
    assertEquals("Renamed", project.name());
    assertThrows(RuleViolationException.class, project::reactivate);
  }
}
