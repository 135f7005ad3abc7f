package io.steward.shared.domain;

import java.util.Objects;

/**
 * One field of an update: left out, so the record keeps its value, or given, so the record takes
 * the value, where null clears the field (if the record allows that). Tools give only the fields
 * the model named; GraphQL updates, which send the whole editable state, give every field.
 *
 * @param <T> the field's type
 */
public final class Patch<T> {

  private static final Patch<?> KEEP = new Patch<>(false, null);

  private final boolean given;
  private final T value;

  private Patch(boolean given, T value) {
    this.given = given;
    this.value = value;
  }

  /** The field is left out: the record keeps its value. */
  @SuppressWarnings("unchecked")
  public static <T> Patch<T> keep() {
    return (Patch<T>) KEEP;
  }

  /** The field is given: the record takes this value; null clears the field. */
  public static <T> Patch<T> set(T value) {
    return new Patch<>(true, value);
  }

  /** Given when there is a value, left out when it is null (as tools read absent arguments). */
  public static <T> Patch<T> ofNullable(T value) {
    return value == null ? keep() : set(value);
  }

  public boolean given() {
    return given;
  }

  /** The value given, or {@code current} (the record's value) when the field is left out. */
  public T or(T current) {
    return given ? value : current;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Patch<?> patch
        && given == patch.given
        && Objects.equals(value, patch.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(given, value);
  }

  @Override
  public String toString() {
    return given ? "set(" + value + ")" : "keep";
  }
}
