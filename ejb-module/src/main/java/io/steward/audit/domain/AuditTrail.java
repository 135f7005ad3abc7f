package io.steward.audit.domain;

import io.steward.tenancy.domain.WorkspaceId;
import java.util.List;

/** Stored audit entries, newest first. */
public interface AuditTrail {

  void add(AuditEntry entry);

  /**
   * Up to {@code limit} entries of the workspace with an id below {@code beforeId}, newest first.
   */
  List<AuditEntry> page(WorkspaceId workspace, long beforeId, int limit);

  long count(WorkspaceId workspace);
}
