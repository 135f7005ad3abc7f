package io.steward.agent.interfaces.rest;

import io.steward.agent.application.RunListener;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes a run's events to one client's stream: each event's {@code id} is its sequence number
 * (what {@code Last-Event-ID} resumes from) and its {@code data} the AG-UI event as one line of
 * JSON. A write waits for the client, which only holds up this client's sender.
 */
record SseRunListener(SseEventSink sink, Sse sse) implements RunListener {

  private static final long WRITE_TIMEOUT_SECONDS = 30;

  @Override
  public boolean onEvent(int sequence, String json) {
    if (sink.isClosed()) {
      return false;
    }
    try {
      sink.send(sse.newEventBuilder().id(String.valueOf(sequence)).data(json).build())
          .toCompletableFuture()
          .get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return true;
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      sink.close();
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sink.close();
      return false;
    }
  }

  @Override
  public void onEnd() {
    sink.close();
  }
}
