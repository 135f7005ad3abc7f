package io.steward.approval.domain;

import io.steward.tenancy.domain.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The queries on approval requests that the generic record store does not answer: a locked read for
 * applying, the due and unfinished ones across workspaces for the background sweep, and the
 * decisions of a period.
 */
public interface ApprovalRequests {

  /** The request, locked until the transaction ends, so that one applier at a time sees it. */
  Optional<ApprovalRequest> lock(WorkspaceId workspace, UUID id);

  /** Pending requests whose expiry has come, any workspace, oldest first. */
  List<ApprovalRequest> due(Instant now, int limit);

  /**
   * Requests approved, or claimed for applying, before {@code before} and not finished since (the
   * server applying them stopped), any workspace.
   */
  List<ApprovalRequest> unfinished(Instant before, int limit);

  /** Requests made in {@code [from, to)}. */
  List<ApprovalRequest> madeBetween(WorkspaceId workspace, Instant from, Instant to, int limit);
}
