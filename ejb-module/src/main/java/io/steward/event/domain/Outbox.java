package io.steward.event.domain;

import io.steward.tenancy.domain.WorkspaceId;
import java.time.Instant;
import java.util.List;

/** The outbox table of domain events, read in id order. */
public interface Outbox {

  void add(OutboxEvent event);

  /** A workspace's events after the given id, oldest first, at most {@code limit}. */
  List<OutboxEvent> after(WorkspaceId workspace, long afterId, int limit);

  /** Events of all workspaces that occurred at or after the instant, oldest first. */
  List<OutboxEvent> since(Instant from, int limit);
}
