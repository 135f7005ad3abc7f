package io.steward.agent.application;

/**
 * Receives a run's events in order, e.g. one client's SSE stream. Calls for one listener never
 * overlap, but they come from worker threads; a listener may block (a slow client) without holding
 * up the run or other listeners.
 */
public interface RunListener {

  /** Sends one event; returns false when the client has gone, which ends the subscription. */
  boolean onEvent(int sequence, String json);

  /** The run has no more events (it ended, or the subscription was dropped). */
  void onEnd();
}
