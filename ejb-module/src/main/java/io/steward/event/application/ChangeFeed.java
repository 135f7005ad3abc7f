package io.steward.event.application;

import io.steward.event.domain.OutboxEvent;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.WorkspaceId;

/**
 * "What changed in my workspace", live: the outbox's events of one workspace that the caller's role
 * may see, as they are committed — on this node or any other, since it reads the shared outbox.
 */
public interface ChangeFeed {

  /** Receives events; returning false (the client went away) ends the subscription. */
  interface Listener {
    boolean onEvent(OutboxEvent event);

    /** Called when nothing happened for a while, so dead connections are noticed. */
    boolean onIdle();
  }

  /** A running subscription. */
  interface Subscription {
    void cancel();
  }

  /**
   * Subscribes the caller (a member of the workspace) to its changes. With {@code lastEventId} (the
   * id of the last event the client saw), missed events are replayed first.
   */
  Subscription subscribe(WorkspaceId workspace, Long lastEventId, Listener listener)
      throws StewardException;
}
