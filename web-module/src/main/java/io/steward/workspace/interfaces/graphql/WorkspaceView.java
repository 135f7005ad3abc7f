package io.steward.workspace.interfaces.graphql;

import io.steward.workspace.domain.Workspace;
import io.steward.workspace.domain.WorkspaceRole;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("Workspace")
@Description("A tenant: the company whose operations Steward runs")
public record WorkspaceView(
    @NonNull @Id String id,
    @NonNull String name,
    @NonNull OffsetDateTime createdAt,
    @Description("The caller's role here; null for platform admins who are not members")
        Role role) {

  static WorkspaceView of(Workspace workspace, WorkspaceRole callerRole) {
    return new WorkspaceView(
        workspace.id().toString(),
        workspace.name(),
        workspace.createdAt().atOffset(ZoneOffset.UTC),
        callerRole == null ? null : Role.of(callerRole));
  }
}
