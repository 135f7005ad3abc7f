package io.steward.limit.application;

import io.steward.shared.domain.RateLimitedException;
import io.steward.tenancy.domain.WorkspaceId;
import java.util.Set;

/**
 * Per-person and per-workspace rate limits on API requests and on agent runs, counted across every
 * server of the installation. A refused request or run has been counted against the person's own
 * limit, not against any workspace it did not reach.
 */
public interface RateLimits {

  /** Counts one API request of the person and one of each workspace it targets. */
  void admitRequest(String personId, Set<WorkspaceId> workspaces) throws RateLimitedException;

  /** Counts one agent run the person starts in the workspace. */
  void admitRun(String personId, WorkspaceId workspace) throws RateLimitedException;
}
