package io.steward.agent.interfaces.rest;

import io.steward.agent.application.AgentRunService;
import io.steward.agent.domain.AgentRun;
import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.WorkspaceId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * Agent runs over AG-UI 1.0. {@code POST …/runs} (routed by the message) or {@code
 * …/agents/{agentName}/runs} takes a {@code RunAgentInput} and answers with the run's events as
 * {@code text/event-stream}. {@code GET …/runs/{runId}/events} joins or resumes a run (after the
 * {@code Last-Event-ID} header or the {@code after} parameter); {@code POST …/runs/{runId}/cancel}
 * stops it.
 */
@Path("/workspaces/{workspaceId}/runs")
@RequestScoped
public class RunResource {

  @Inject AgentRunService runs;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void run(
      @PathParam("workspaceId") String workspaceId,
      String body,
      @Context SseEventSink sink,
      @Context Sse sse)
      throws StewardException {
    start(runs, workspaceId, null, body, sink, sse);
  }

  /** Starts a run and streams it to the client; shared with the named-agent endpoint. */
  static void start(
      AgentRunService runs,
      String workspaceId,
      String agentName,
      String body,
      SseEventSink sink,
      Sse sse)
      throws StewardException {
    runs.start(
        WorkspaceId.parse("workspaceId", workspaceId),
        agentName,
        RunAgentInputs.read(body),
        new SseRunListener(sink, sse));
  }

  @GET
  @Path("/{runId}/events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void events(
      @PathParam("workspaceId") String workspaceId,
      @PathParam("runId") String runId,
      @HeaderParam("Last-Event-ID") String lastEventId,
      @QueryParam("after") String after,
      @Context SseEventSink sink,
      @Context Sse sse)
      throws StewardException {
    int afterSequence =
        lastEventId != null && !lastEventId.isBlank()
            ? sequence("Last-Event-ID", lastEventId)
            : sequence("after", after);
    runs.watch(
        WorkspaceId.parse("workspaceId", workspaceId),
        runId,
        afterSequence,
        new SseRunListener(sink, sse));
  }

  @POST
  @Path("/{runId}/cancel")
  @Produces(MediaType.APPLICATION_JSON)
  public Response cancel(
      @PathParam("workspaceId") String workspaceId, @PathParam("runId") String runId)
      throws StewardException {
    AgentRun run = runs.cancel(WorkspaceId.parse("workspaceId", workspaceId), runId);
    return Response.accepted(new CancelAccepted(run.runId(), "cancelling")).build();
  }

  /** The answer to a cancel request: the run will finish with the outcome "cancelled". */
  public record CancelAccepted(String runId, String status) {}

  private static int sequence(String field, String value) throws InvalidInputException {
    if (value == null || value.isBlank()) {
      return 0;
    }
    try {
      int sequence = Integer.parseInt(value.strip());
      if (sequence >= 0) {
        return sequence;
      }
    } catch (NumberFormatException e) {
      // falls through to the validation failure below
    }
    throw new InvalidInputException(field, "must be the id of an event of this run");
  }
}
