package io.steward.tenancy.application;

import io.steward.shared.domain.StaleVersionException;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.UnknownRecordException;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRecord;
import io.steward.tenancy.domain.WorkspaceRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The one way business records are created, changed and deleted: it stamps who and when, checks the
 * version a client based its change on, and in the same transaction fires {@link RecordChanged},
 * which the audit log records (before and after) and the domain events publish to the outbox.
 * Callers are transactional services that have already checked the caller's role.
 */
@ApplicationScoped
public class RecordChanges {

  /** A change to a record, made through the record's own methods. */
  @FunctionalInterface
  public interface Change<T> {
    void apply(T record) throws StewardException;
  }

  @Inject WorkspaceRecords records;
  @Inject Event<RecordChanged> changes;
  @Inject CurrentCaller currentCaller;

  /** The record, or NOT_FOUND naming {@code field} when the workspace has no such record. */
  public <T extends WorkspaceRecord> T find(
      Class<T> type, WorkspaceId workspace, UUID id, String field) throws UnknownRecordException {
    return records
        .find(type, workspace, id)
        .orElseThrow(() -> new UnknownRecordException(WorkspaceRecord.typeName(type), id, field));
  }

  /** Adds a new record and publishes {@code event} (e.g. {@code taskWasCreated}). */
  public <T extends WorkspaceRecord> T add(T record, String event) throws StewardException {
    record.createdBy(currentCaller.get().userId(), now());
    records.add(record);
    records.flush(record);
    publish(record, event, null, record.state());
    return record;
  }

  /**
   * Applies a change to a record the caller read at {@code expectedVersion} (null: whatever is
   * current) and publishes {@code event}.
   */
  public <T extends WorkspaceRecord> T change(
      T record, Integer expectedVersion, String event, Change<T> change) throws StewardException {
    requireVersion(record, expectedVersion);
    Map<String, Object> before = record.state();
    change.apply(record);
    record.changedBy(currentCaller.get().userId(), now());
    records.flush(record);
    publish(record, event, before, record.state());
    return record;
  }

  /** Deletes a record the caller read at {@code expectedVersion} (null: whatever is current). */
  public void remove(WorkspaceRecord record, Integer expectedVersion, String event)
      throws StewardException {
    requireVersion(record, expectedVersion);
    Map<String, Object> before = record.state();
    records.remove(record);
    records.flush(record);
    publish(record, event, before, null);
  }

  private void publish(
      WorkspaceRecord record, String event, Map<String, Object> before, Map<String, Object> after) {
    changes.fire(
        new RecordChanged(
            record.workspaceId(),
            event,
            record.recordType(),
            record.id().toString(),
            before,
            after,
            record.version(),
            record.readers()));
  }

  private static void requireVersion(WorkspaceRecord record, Integer expected)
      throws StaleVersionException {
    if (expected != null && expected != record.version()) {
      throw new StaleVersionException(record.recordType(), expected, record.version());
    }
  }

  private static Instant now() {
    return Instant.now(Clock.systemUTC());
  }
}
