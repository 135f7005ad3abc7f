package io.steward.workspace.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steward.shared.domain.InvalidInputException;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRole;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WorkspaceTest {

  @Test
  void should_trim_the_name() throws InvalidInputException {
    assertEquals("Acme", found("  Acme ").name());
  }

  @Test
  void should_refuse_empty_long_and_multi_line_names() {
    for (String bad : new String[] {null, "", "  ", "x".repeat(101), "a\tb", "a\nb"}) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> found(bad));
      assertEquals("name", e.field());
    }
  }

  @Test
  void should_order_roles_from_owner_to_viewer() {
    assertTrue(WorkspaceRole.OWNER.includes(WorkspaceRole.ADMIN));
    assertTrue(WorkspaceRole.ADMIN.includes(WorkspaceRole.ADMIN));
    assertTrue(WorkspaceRole.MEMBER.includes(WorkspaceRole.VIEWER));
    assertFalse(WorkspaceRole.VIEWER.includes(WorkspaceRole.MEMBER));
    assertFalse(WorkspaceRole.ADMIN.includes(WorkspaceRole.OWNER));
  }

  @Test
  void should_refuse_ids_that_are_not_uuids() {
    assertEquals(
        "workspaceId",
        assertThrows(InvalidInputException.class, () -> WorkspaceId.parse("workspaceId", "42"))
            .field());
  }

  private static Workspace found(String name) throws InvalidInputException {
    return Workspace.found(WorkspaceId.generate(), name, "tester", Instant.now());
  }
}
