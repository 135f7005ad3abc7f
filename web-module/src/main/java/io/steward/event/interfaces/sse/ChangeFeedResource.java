package io.steward.event.interfaces.sse;

import io.steward.event.application.ChangeFeed;
import io.steward.event.domain.OutboxEvent;
import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.WorkspaceId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.StringReader;
import java.time.ZoneOffset;

/**
 * {@code GET /api/workspaces/{id}/changes}: what changes in the workspace, live, as server-sent
 * events in outbox order. Each event's {@code id} is its outbox id, so a client that reconnects
 * with {@code Last-Event-ID} gets what it missed; {@code data} is a JSON object with the event
 * type, the record and its state after the change (before it, for a deletion).
 */
@Path("/workspaces/{workspaceId}/changes")
@RequestScoped
public class ChangeFeedResource {

  /** Browsers' EventSource reconnects after this long. */
  private static final long RECONNECT_MILLIS = 3000;

  @Inject ChangeFeed feed;

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void changes(
      @PathParam("workspaceId") String workspaceId,
      @HeaderParam("Last-Event-ID") String lastEventId,
      @Context SseEventSink sink,
      @Context Sse sse)
      throws StewardException {
    WorkspaceId workspace = WorkspaceId.parse("workspaceId", workspaceId);
    Long resumeAfter = parseLastEventId(lastEventId);
    feed.subscribe(workspace, resumeAfter, new SseListener(sink, sse));
    sink.send(sse.newEventBuilder().comment("subscribed").reconnectDelay(RECONNECT_MILLIS).build());
  }

  private static Long parseLastEventId(String header) throws InvalidInputException {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("Last-Event-ID", "must be the id of an event of this feed");
    }
  }

  /** Writes events to one client's stream; a failed write means the client has gone. */
  private record SseListener(SseEventSink sink, Sse sse) implements ChangeFeed.Listener {

    @Override
    public boolean onEvent(OutboxEvent event) {
      return send(
          sse.newEventBuilder()
              .id(String.valueOf(event.id()))
              .mediaType(MediaType.APPLICATION_JSON_TYPE)
              .data(String.class, json(event))
              .build());
    }

    @Override
    public boolean onIdle() {
      return send(sse.newEventBuilder().comment("keep-alive").build());
    }

    /** Sends without waiting for the write; a failed write closes the sink for the next round. */
    private boolean send(OutboundSseEvent event) {
      if (sink.isClosed()) {
        return false;
      }
      sink.send(event)
          .whenComplete(
              (sent, failure) -> {
                if (failure != null) {
                  sink.close();
                }
              });
      return true;
    }

    private static String json(OutboxEvent event) {
      try (JsonReader state = Json.createReader(new StringReader(event.payload()))) {
        return Json.createObjectBuilder()
            .add("id", String.valueOf(event.id()))
            .add("type", event.type())
            .add("recordType", event.recordType())
            .add("recordId", event.recordId())
            .add("actorId", event.actorId())
            .add("occurredAt", event.occurredAt().atOffset(ZoneOffset.UTC).toString())
            .add("state", state.readValue())
            .build()
            .toString();
      }
    }
  }
}
