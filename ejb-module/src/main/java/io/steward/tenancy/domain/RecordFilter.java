package io.steward.tenancy.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Conditions a record query must all meet, in the terms of the records' attributes. Conditions
 * built from an absent (null) value are left out, so optional client filters read naturally: {@code
 * RecordFilter.where().equal("projectId", filter.projectId())}.
 */
public final class RecordFilter {

  /** One condition; {@code attributes} are the attributes it reads. */
  public record Condition(Kind kind, List<String> attributes, Object value) {}

  public enum Kind {
    EQUAL,
    IN,
    AT_LEAST,
    AT_MOST,
    /** Case-insensitive substring of any of the attributes. */
    CONTAINS_TEXT,
    /** A collection attribute holds an element whose attribute (the second name) equals value. */
    HAS_ELEMENT
  }

  private final List<Condition> conditions = new ArrayList<>();

  private RecordFilter() {}

  public static RecordFilter where() {
    return new RecordFilter();
  }

  public RecordFilter equal(String attribute, Object value) {
    return add(Kind.EQUAL, value, attribute);
  }

  /** Matches records whose attribute is one of the values; an empty collection matches none. */
  public RecordFilter in(String attribute, Collection<?> values) {
    return add(Kind.IN, values == null ? null : List.copyOf(values), attribute);
  }

  public RecordFilter atLeast(String attribute, Comparable<?> value) {
    return add(Kind.AT_LEAST, value, attribute);
  }

  public RecordFilter atMost(String attribute, Comparable<?> value) {
    return add(Kind.AT_MOST, value, attribute);
  }

  public RecordFilter containsText(String text, String... attributes) {
    return add(
        Kind.CONTAINS_TEXT, text == null || text.isBlank() ? null : text.strip(), attributes);
  }

  public RecordFilter hasElement(String collection, String elementAttribute, Object value) {
    return add(Kind.HAS_ELEMENT, value, collection, elementAttribute);
  }

  public List<Condition> conditions() {
    return List.copyOf(conditions);
  }

  private RecordFilter add(Kind kind, Object value, String... attributes) {
    if (value != null) {
      conditions.add(new Condition(kind, List.of(attributes), value));
    }
    return this;
  }
}
