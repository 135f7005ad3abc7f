package io.steward.audit.application;

import io.steward.audit.domain.AuditEntry;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.WorkspaceId;

/** The audit trail of every change, readable by a workspace's admins and owners. */
public interface AuditLog {

  int MAX_PAGE_SIZE = 100;

  /**
   * Records a change made by the current caller in the caller's transaction, so the entry exists
   * exactly when the change does. {@code before} and {@code after} are stored as JSON.
   */
  void record(
      WorkspaceId workspace,
      String action,
      String targetType,
      String targetId,
      Object before,
      Object after);

  /** Newest entries first; {@code after} is the cursor of the last entry of the previous page. */
  AuditPage page(WorkspaceId workspace, int first, String after) throws StewardException;

  /** The opaque cursor of an entry, for pagination. */
  String cursorOf(AuditEntry entry);
}
