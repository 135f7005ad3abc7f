package io.steward.tenancy.application;

import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRole;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The signed-in person a request runs for, as their access token describes them: identity, platform
 * roles and workspace memberships (the token's group paths {@code /workspaces/<id>/<role>}).
 */
public record Caller(
    String userId,
    String username,
    String email,
    String displayName,
    boolean platformAdmin,
    Map<WorkspaceId, WorkspaceRole> memberships) {

  public static final String PLATFORM_ADMIN_ROLE = "platform-admin";
  private static final String WORKSPACE_GROUP_PREFIX = "/workspaces/";

  public Caller {
    memberships = Collections.unmodifiableMap(new LinkedHashMap<>(memberships));
  }

  /**
   * Builds a caller from token claims; malformed group paths are ignored, the highest role wins.
   */
  public static Caller fromToken(
      String userId,
      String username,
      String email,
      String displayName,
      Collection<String> realmRoles,
      Collection<String> groupPaths) {
    Map<WorkspaceId, WorkspaceRole> memberships = new LinkedHashMap<>();
    for (String path : groupPaths) {
      if (!path.startsWith(WORKSPACE_GROUP_PREFIX)) {
        continue;
      }
      String[] parts = path.substring(WORKSPACE_GROUP_PREFIX.length()).split("/");
      if (parts.length != 2) {
        continue;
      }
      Optional<WorkspaceRole> role = WorkspaceRole.fromGroupName(parts[1]);
      Optional<WorkspaceId> workspace = parseId(parts[0]);
      if (role.isPresent() && workspace.isPresent()) {
        memberships.merge(workspace.get(), role.get(), (a, b) -> a.includes(b) ? a : b);
      }
    }
    return new Caller(
        userId,
        username,
        email,
        displayName,
        realmRoles.contains(PLATFORM_ADMIN_ROLE),
        memberships);
  }

  /** The server itself doing background work under a name, member of no workspace. */
  public static Caller system(String name) {
    return new Caller(name, name, null, name, false, Map.of());
  }

  public Optional<WorkspaceRole> roleIn(WorkspaceId workspace) {
    return Optional.ofNullable(memberships.get(workspace));
  }

  private static Optional<WorkspaceId> parseId(String text) {
    try {
      return Optional.of(new WorkspaceId(UUID.fromString(text)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
