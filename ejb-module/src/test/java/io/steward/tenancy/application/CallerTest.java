package io.steward.tenancy.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRole;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CallerTest {

  private static final String A = "a0000000-0000-4000-8000-000000000001";
  private static final String B = "b0000000-0000-4000-8000-000000000002";

  @Test
  void should_read_memberships_from_workspace_group_paths() {
    Caller caller =
        Caller.fromToken(
            "sub",
            "alice",
            "a@x",
            "Alice",
            List.of("user"),
            List.of("/workspaces/" + A + "/owner", "/workspaces/" + B + "/viewer"));

    assertEquals(Optional.of(WorkspaceRole.OWNER), caller.roleIn(id(A)));
    assertEquals(Optional.of(WorkspaceRole.VIEWER), caller.roleIn(id(B)));
    assertFalse(caller.platformAdmin());
  }

  @Test
  void should_keep_the_highest_role_when_a_user_is_in_several_role_groups() {
    Caller caller =
        Caller.fromToken(
            "sub",
            "u",
            null,
            "U",
            List.of(),
            List.of(
                "/workspaces/" + A + "/viewer",
                "/workspaces/" + A + "/admin",
                "/workspaces/" + A + "/member"));
    assertEquals(Optional.of(WorkspaceRole.ADMIN), caller.roleIn(id(A)));
  }

  @Test
  void should_ignore_paths_that_are_not_workspace_roles() {
    Caller caller =
        Caller.fromToken(
            "sub",
            "u",
            null,
            "U",
            List.of("platform-admin"),
            List.of(
                "/workspaces/" + A,
                "/workspaces/not-a-uuid/owner",
                "/workspaces/" + A + "/superuser",
                "/other/" + A + "/owner",
                "/workspaces/" + A + "/owner/extra"));
    assertTrue(caller.memberships().isEmpty());
    assertTrue(caller.platformAdmin());
  }

  private static WorkspaceId id(String text) {
    return new WorkspaceId(UUID.fromString(text));
  }
}
