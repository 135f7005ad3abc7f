package io.steward.agent.interfaces.rest;

import io.steward.agent.application.AgentRunService;
import io.steward.shared.domain.StewardException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * {@code POST /api/workspaces/{id}/agents/{agentName}/runs}: a run of a named agent over AG-UI,
 * otherwise as {@link RunResource}'s routed runs.
 */
@Path("/workspaces/{workspaceId}/agents/{agentName}/runs")
@RequestScoped
public class AgentRunResource {

  @Inject AgentRunService runs;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void run(
      @PathParam("workspaceId") String workspaceId,
      @PathParam("agentName") String agentName,
      String body,
      @Context SseEventSink sink,
      @Context Sse sse)
      throws StewardException {
    RunResource.start(runs, workspaceId, agentName, body, sink, sse);
  }
}
