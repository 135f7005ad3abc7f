package io.steward.event.application;

import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRole;

/** Publishes domain events through the outbox. */
public interface DomainEvents {

  /**
   * Writes an event about a record in the caller's transaction, stamped with the current caller and
   * request. {@code state} is stored as JSON; members with at least {@code audience} see it.
   */
  void publish(
      WorkspaceId workspace,
      String type,
      String recordType,
      String recordId,
      Object state,
      WorkspaceRole audience);
}
