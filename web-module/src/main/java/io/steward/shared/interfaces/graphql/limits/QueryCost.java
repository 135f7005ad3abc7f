package io.steward.shared.interfaces.graphql.limits;

/**
 * The size of a selection with every fragment expanded: its depth, its fields, aliases and fragment
 * spreads, and its complexity — the fields it would resolve, each list counted with its page size
 * or an estimate. Sums saturate at {@link #SATURATED}, so a fragment bomb measures as huge instead
 * of overflowing.
 */
record QueryCost(long depth, long fields, long aliases, long fragmentSpreads, long complexity) {

  static final long SATURATED = 1L << 60;
  static final QueryCost NONE = new QueryCost(0, 0, 0, 0, 0);

  /** A field: one level and one field above what it selects, which it resolves {@code times}. */
  static QueryCost field(boolean aliased, long times, QueryCost selected) {
    return new QueryCost(
        add(1, selected.depth),
        add(1, selected.fields),
        add(aliased ? 1 : 0, selected.aliases),
        selected.fragmentSpreads,
        add(1, multiply(times, selected.complexity)));
  }

  /** A fragment spread: what the fragment selects, and one spread more. */
  QueryCost spread() {
    return new QueryCost(depth, fields, aliases, add(1, fragmentSpreads), complexity);
  }

  /** Two selections side by side. */
  QueryCost beside(QueryCost other) {
    return new QueryCost(
        Math.max(depth, other.depth),
        add(fields, other.fields),
        add(aliases, other.aliases),
        add(fragmentSpreads, other.fragmentSpreads),
        add(complexity, other.complexity));
  }

  /** The larger figures of two operations: only one of them runs. */
  QueryCost largest(QueryCost other) {
    return new QueryCost(
        Math.max(depth, other.depth),
        Math.max(fields, other.fields),
        Math.max(aliases, other.aliases),
        Math.max(fragmentSpreads, other.fragmentSpreads),
        Math.max(complexity, other.complexity));
  }

  private static long add(long a, long b) {
    return Math.min(SATURATED, a + b);
  }

  private static long multiply(long a, long b) {
    if (a == 0 || b == 0) {
      return 0;
    }
    return a > SATURATED / b ? SATURATED : Math.min(SATURATED, a * b);
  }
}
