package io.steward.tenancy.interfaces.graphql;

import io.steward.shared.application.Paging;
import io.steward.shared.interfaces.graphql.PageInfo;
import io.steward.tenancy.domain.RecordPage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Builds the connection types (edges with cursors, page info, total count) of record pages. */
public final class Connections {

  /** A connection type's constructor. */
  @FunctionalInterface
  public interface Factory<E, C> {
    C create(List<E> edges, PageInfo pageInfo, int totalCount);
  }

  private Connections() {}

  public static <R, V, E, C> C of(
      RecordPage<R> page,
      Function<R, V> view,
      BiFunction<String, V, E> edge,
      Factory<E, C> connection) {
    List<E> edges = new ArrayList<>();
    String endCursor = null;
    for (int i = 0; i < page.items().size(); i++) {
      endCursor = Paging.cursor(page.offset() + i);
      edges.add(edge.apply(endCursor, view.apply(page.items().get(i))));
    }
    return connection.create(
        edges, new PageInfo(page.hasNextPage(), endCursor), Math.toIntExact(page.totalCount()));
  }
}
