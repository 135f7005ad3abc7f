package io.steward.bench;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * {@code GET /sse-baseline/events?n=36&bytes=180}: n server-sent events of about that many bytes
 * each, with ids, written at once and then closed — what an SSE stream costs on this server with
 * no agent run, no database and no security behind it.
 */
@Path("/events")
@RequestScoped
public class BareSse {

  /** The JAX-RS application at the WAR's root. */
  @ApplicationPath("/")
  public static class BaselineApplication extends Application {}

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void events(
      @QueryParam("n") @DefaultValue("36") int count,
      @QueryParam("bytes") @DefaultValue("180") int bytes,
      @Context SseEventSink sink,
      @Context Sse sse) {
    String padding = "x".repeat(Math.max(0, bytes - 60));
    try (sink) {
      for (int i = 1; i <= count; i++) {
        String json =
            "{\"type\":\"TEXT_MESSAGE_CONTENT\",\"messageId\":\"m\",\"delta\":\"" + padding + "\"}";
        sink.send(sse.newEventBuilder().id(String.valueOf(i)).data(json).build())
            .toCompletableFuture()
            .join();
      }
    }
  }
}
