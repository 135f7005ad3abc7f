package io.steward.tenancy.domain;

import io.steward.shared.domain.RuleViolationException;
import io.steward.shared.domain.StaleVersionException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Storage of business records, always within one workspace: every method takes the workspace and
 * never sees another's records, so tenant isolation does not depend on each query remembering it.
 */
public interface WorkspaceRecords {

  <T extends WorkspaceRecord> Optional<T> find(Class<T> type, WorkspaceId workspace, UUID id);

  /** The records with these ids, in no particular order; unknown ids are left out. */
  <T extends WorkspaceRecord> List<T> findAll(
      Class<T> type, WorkspaceId workspace, Collection<UUID> ids);

  <T extends WorkspaceRecord> List<T> list(
      Class<T> type, WorkspaceId workspace, RecordFilter filter, List<RecordOrder> order);

  /** One page: {@code limit} records from {@code offset}, and how many match in all. */
  <T extends WorkspaceRecord> RecordPage<T> page(
      Class<T> type,
      WorkspaceId workspace,
      RecordFilter filter,
      List<RecordOrder> order,
      int offset,
      int limit);

  /** How many records match, grouped by the values of the given attributes. */
  <T extends WorkspaceRecord> List<GroupCount> count(
      Class<T> type, WorkspaceId workspace, RecordFilter filter, String... groupBy);

  /** How many records match. */
  default <T extends WorkspaceRecord> long total(
      Class<T> type, WorkspaceId workspace, RecordFilter filter) {
    return count(type, workspace, filter).get(0).count();
  }

  /**
   * The elements of a collection attribute of the records with these ids, in one query, as pairs of
   * record id and element.
   */
  <T extends WorkspaceRecord, E> List<Owned<E>> elements(
      Class<T> type,
      WorkspaceId workspace,
      Collection<UUID> ids,
      String collection,
      Class<E> elementType);

  void add(WorkspaceRecord record);

  void remove(WorkspaceRecord record);

  /**
   * Writes pending changes now, so that a concurrent change of {@code changed} or a broken
   * reference (deleting a record others refer to, referring to one just deleted) fails here as a
   * conflict rather than at commit.
   */
  void flush(WorkspaceRecord changed) throws StaleVersionException, RuleViolationException;

  /** How many records match a group of attribute values. */
  record GroupCount(List<Object> key, long count) {}

  /** An element of a record's collection attribute with the id of the record that holds it. */
  record Owned<E>(UUID owner, E element) {}
}
