package io.steward.shared.interfaces.graphql.limits;

import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * How large a GraphQL request may be, from configuration ({@code steward.graphql.*}, defaults in
 * {@code microprofile-config.properties}): its depth, its fields, aliases and fragment spreads
 * counted after every fragment is expanded, its estimated cost, the items of any list argument, and
 * how long it may run.
 *
 * @param listSizeEstimate how many items the cost estimate assumes for a list without a page size
 */
public record GraphQLLimits(
    int maxDepth,
    int maxFields,
    int maxAliases,
    int maxFragmentSpreads,
    long maxComplexity,
    int maxListItems,
    int listSizeEstimate,
    Duration executionTimeout) {

  static final String PREFIX = "steward.graphql.";

  public static GraphQLLimits from(Config config) {
    return new GraphQLLimits(
        value(config, "max-depth"),
        value(config, "max-fields"),
        value(config, "max-aliases"),
        value(config, "max-fragment-spreads"),
        value(config, "max-complexity"),
        value(config, "max-list-items"),
        value(config, "list-size-estimate"),
        Duration.ofMillis(value(config, "execution-timeout-millis")));
  }

  /** Refuses a request whose measured size exceeds a limit, naming the limit. */
  void enforce(QueryCost cost) {
    refuseAbove("max-depth", "The query nests too deeply (levels)", cost.depth(), maxDepth);
    refuseAbove(
        "max-fragment-spreads",
        "The query spreads fragments too often once they are expanded",
        cost.fragmentSpreads(),
        maxFragmentSpreads);
    refuseAbove("max-aliases", "The query uses too many aliases", cost.aliases(), maxAliases);
    refuseAbove(
        "max-fields",
        "The query selects too many fields once its fragments are expanded",
        cost.fields(),
        maxFields);
    refuseAbove(
        "max-complexity",
        "The query would resolve too many fields (estimated cost)",
        cost.complexity(),
        maxComplexity);
  }

  private static void refuseAbove(String limit, String what, long actual, long max) {
    if (actual > max) {
      throw Refusal.exceeded(limit, what, actual, max);
    }
  }

  private static int value(Config config, String key) {
    return config.getValue(PREFIX + key, Integer.class);
  }
}
