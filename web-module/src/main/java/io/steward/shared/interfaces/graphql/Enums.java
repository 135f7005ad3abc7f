package io.steward.shared.interfaces.graphql;

import java.util.List;
import java.util.Objects;

/**
 * Converts between the schema's enums and the domain's, which share constant names: the schema is a
 * published contract and keeps its own types.
 */
public final class Enums {

  private Enums() {}

  /** The constant of {@code type} with the same name, or null for null. */
  public static <T extends Enum<T>> T convert(Enum<?> value, Class<T> type) {
    return value == null ? null : Enum.valueOf(type, value.name());
  }

  /**
   * The constants of {@code type} with the same names, each once (a filter naming one twice means
   * it once); null entries (meaningless) are dropped.
   */
  public static <T extends Enum<T>> List<T> convertAll(
      List<? extends Enum<?>> values, Class<T> type) {
    return values == null
        ? null
        : values.stream().filter(Objects::nonNull).distinct().map(v -> convert(v, type)).toList();
  }
}
