package io.steward.tenancy.interfaces.graphql;

import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.WorkspaceId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Resolves a nested field for a whole batch of parents ({@code @Source List<…>}) with one load per
 * workspace — a request normally reads one — instead of one per parent.
 */
public final class Batches {

  /** Loads the values of some keys of a workspace at once. */
  @FunctionalInterface
  public interface Loader<K, T> {
    Map<K, T> load(WorkspaceId workspace, Collection<K> keys) throws StewardException;
  }

  private Batches() {}

  /** The id of a view's record or reference; these come from the database, so they are UUIDs. */
  public static UUID idOf(String id) {
    return id == null ? null : UUID.fromString(id);
  }

  /** Views of records by the records' ids, as a {@link Loader} returns them. */
  public static <R, V> Map<UUID, V> byId(
      List<R> records, Function<R, UUID> id, Function<R, V> view) {
    return records.stream().collect(Collectors.toMap(id, view));
  }

  /**
   * The value for each parent, in the parents' order: {@code fallback} where the parent has no key
   * or nothing was found.
   */
  public static <P extends RecordView, K, T> List<T> resolve(
      List<P> parents, Function<P, K> key, Loader<K, T> loader, T fallback)
      throws StewardException {
    Map<WorkspaceId, Set<K>> keysByWorkspace = new LinkedHashMap<>();
    for (P parent : parents) {
      K k = key.apply(parent);
      if (k != null) {
        keysByWorkspace.computeIfAbsent(parent.getWorkspaceId(), w -> new LinkedHashSet<>()).add(k);
      }
    }
    Map<WorkspaceId, Map<K, T>> loaded = new LinkedHashMap<>();
    for (Map.Entry<WorkspaceId, Set<K>> keys : keysByWorkspace.entrySet()) {
      loaded.put(keys.getKey(), loader.load(keys.getKey(), keys.getValue()));
    }
    List<T> values = new ArrayList<>(parents.size());
    for (P parent : parents) {
      K k = key.apply(parent);
      Map<K, T> found = loaded.getOrDefault(parent.getWorkspaceId(), Map.of());
      values.add(k == null ? fallback : Objects.requireNonNullElse(found.get(k), fallback));
    }
    return values;
  }
}
