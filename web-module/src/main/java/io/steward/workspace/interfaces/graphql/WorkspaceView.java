package io.steward.workspace.interfaces.graphql;

import io.steward.tenancy.application.Caller;
import io.steward.tenancy.domain.WorkspaceRole;
import io.steward.workspace.domain.Workspace;
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
    @NonNull @Description("IANA time zone id; decides what \"due today\" means") String timeZone,
    @Description("The caller's role here; null for platform admins who are not members")
        Role role) {

  /** The workspace as the caller sees it, with the role their token gives them there. */
  public static WorkspaceView of(Workspace workspace, Caller caller) {
    return of(workspace, caller.roleIn(workspace.id()).orElse(null));
  }

  static WorkspaceView of(Workspace workspace, WorkspaceRole callerRole) {
    return new WorkspaceView(
        workspace.id().toString(),
        workspace.name(),
        workspace.createdAt().atOffset(ZoneOffset.UTC),
        workspace.timeZone().getId(),
        callerRole == null ? null : Role.of(callerRole));
  }
}
