package io.steward.tenancy.application;

import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRole;
import java.util.Map;

/**
 * A record was added, changed or removed: fired by {@link RecordChanges} and observed
 * synchronously, in the same transaction, by the audit log and the domain events, which sit above
 * the kernel and so cannot be called from it.
 *
 * @param event the domain event's name, e.g. {@code taskWasCreated}
 * @param before the record's state before the change, null when it was added
 * @param after the record's state after the change, null when it was removed
 * @param version the record's version after the change
 * @param readers the least role that may see the change
 */
public record RecordChanged(
    WorkspaceId workspace,
    String event,
    String recordType,
    String recordId,
    Map<String, Object> before,
    Map<String, Object> after,
    int version,
    WorkspaceRole readers) {}
