package io.steward.workspace.interfaces.rest;

import io.steward.audit.application.AuditLog;
import io.steward.audit.application.AuditPage;
import io.steward.shared.domain.StewardException;
import io.steward.workspace.application.CurrentCaller;
import io.steward.workspace.application.WorkspaceService;
import io.steward.workspace.domain.Workspace;
import io.steward.workspace.domain.WorkspaceId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** The caller's workspaces over plain REST, for clients and scripts that do not speak GraphQL. */
@Path("/workspaces")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WorkspaceResource {

  @Inject WorkspaceService workspaces;
  @Inject AuditLog auditLog;
  @Inject CurrentCaller currentCaller;

  public record WorkspaceJson(String id, String name, String createdAt, String role) {}

  public record AuditEntryJson(
      String id, String action, String targetType, String targetId, String actorId, String actorName,
      String before, String after, String occurredAt, String requestId) {}

  @GET
  public List<WorkspaceJson> list() {
    return workspaces.workspaces().stream().map(this::json).toList();
  }

  @GET
  @Path("/{workspaceId}")
  public WorkspaceJson get(@PathParam("workspaceId") String workspaceId) throws StewardException {
    return json(workspaces.workspace(WorkspaceId.parse("workspaceId", workspaceId)));
  }

  /** Admins and owners only; newest first, {@code after} is the previous page's last cursor. */
  @GET
  @Path("/{workspaceId}/audit-log")
  public Map<String, Object> auditLog(
      @PathParam("workspaceId") String workspaceId,
      @QueryParam("first") @DefaultValue("20") int first,
      @QueryParam("after") String after)
      throws StewardException {
    AuditPage page = auditLog.page(WorkspaceId.parse("workspaceId", workspaceId), first, after);
    List<AuditEntryJson> entries =
        page.entries().stream()
            .map(
                e ->
                    new AuditEntryJson(
                        String.valueOf(e.id()), e.action(), e.targetType(), e.targetId(), e.actorId(),
                        e.actorName(), e.before(), e.after(), e.occurredAt().toString(), e.requestId()))
            .toList();
    String endCursor = page.entries().isEmpty() ? "" : auditLog.cursorOf(page.entries().get(page.entries().size() - 1));
    return Map.of(
        "entries", entries,
        "hasNextPage", page.hasNextPage(),
        "endCursor", endCursor,
        "totalCount", page.totalCount());
  }

  private WorkspaceJson json(Workspace workspace) {
    return new WorkspaceJson(
        workspace.id().toString(),
        workspace.name(),
        workspace.createdAt().toString(),
        currentCaller.get().roleIn(workspace.id()).map(r -> r.groupName()).orElse(null));
  }
}
