package io.steward.tenancy.domain;

import java.util.Locale;
import java.util.Optional;

/** A member's role in a workspace, from most to least powerful. */
public enum WorkspaceRole {
  OWNER,
  ADMIN,
  MEMBER,
  VIEWER;

  /** True when this role may do everything {@code required} may. */
  public boolean includes(WorkspaceRole required) {
    return ordinal() <= required.ordinal();
  }

  /** Name of the role's group in the membership directory. */
  public String groupName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<WorkspaceRole> fromGroupName(String name) {
    for (WorkspaceRole role : values()) {
      if (role.groupName().equals(name)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
