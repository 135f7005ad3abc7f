package io.steward.workspace.interfaces.rest;

import io.steward.audit.application.AuditLog;
import io.steward.audit.interfaces.graphql.AuditConnection;
import io.steward.shared.application.Paging;
import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.application.CurrentCaller;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.workspace.application.WorkspaceService;
import io.steward.workspace.domain.Workspace;
import io.steward.workspace.interfaces.graphql.WorkspaceView;
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

/**
 * The caller's workspaces over plain REST, for clients and scripts that do not speak GraphQL, in
 * the same shapes as GraphQL.
 */
@Path("/workspaces")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WorkspaceResource {

  @Inject WorkspaceService workspaces;
  @Inject AuditLog auditLog;
  @Inject CurrentCaller currentCaller;

  @GET
  public List<WorkspaceView> list() {
    return workspaces.workspaces().stream().map(this::json).toList();
  }

  @GET
  @Path("/{workspaceId}")
  public WorkspaceView get(@PathParam("workspaceId") String workspaceId) throws StewardException {
    return json(workspaces.workspace(WorkspaceId.parse("workspaceId", workspaceId)));
  }

  /** Admins and owners only; the same page shape as GraphQL's auditLog, newest first. */
  @GET
  @Path("/{workspaceId}/audit-log")
  public AuditConnection auditLog(
      @PathParam("workspaceId") String workspaceId,
      @QueryParam("first") @DefaultValue("20") String first,
      @QueryParam("after") String after)
      throws StewardException {
    return AuditConnection.of(
        auditLog.page(WorkspaceId.parse("workspaceId", workspaceId), pageSize(first), after),
        auditLog);
  }

  /** Read as text: JAX-RS answers a number it cannot convert with 404, not a coded 400. */
  private static int pageSize(String first) throws InvalidInputException {
    try {
      return Integer.parseInt(first.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          "first", "must be a whole number from 1 to " + Paging.MAX_PAGE_SIZE);
    }
  }

  private WorkspaceView json(Workspace workspace) {
    return WorkspaceView.of(workspace, currentCaller.get());
  }
}
