package io.steward.workspace.interfaces.graphql;

import io.steward.tenancy.domain.WorkspaceRole;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("WorkspaceRole")
@Description("A member's role in a workspace: owner > admin > member > viewer")
public enum Role {
  OWNER,
  ADMIN,
  MEMBER,
  VIEWER;

  static Role of(WorkspaceRole role) {
    return valueOf(role.name());
  }

  WorkspaceRole toDomain() {
    return WorkspaceRole.valueOf(name());
  }
}
