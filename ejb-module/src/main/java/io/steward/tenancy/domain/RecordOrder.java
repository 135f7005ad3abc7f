package io.steward.tenancy.domain;

/** One sort key of a record query; queries always end with the id as a tie-breaker. */
public record RecordOrder(String attribute, boolean descending) {

  public static RecordOrder ascending(String attribute) {
    return new RecordOrder(attribute, false);
  }

  public static RecordOrder descending(String attribute) {
    return new RecordOrder(attribute, true);
  }
}
