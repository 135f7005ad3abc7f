package io.steward.agent.spi;

import io.steward.shared.domain.InvalidInputException;
import io.steward.tenancy.domain.WorkspaceId;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The arguments of one tool call, as the model sent them, and the workspace the run works in.
 * Absent and JSON-null arguments read as null; a value of the wrong shape is a validation failure
 * naming the argument, which the model gets back as the tool's result.
 */
public final class ToolArguments {

  private final WorkspaceId workspace;
  private final JsonObject values;

  public ToolArguments(WorkspaceId workspace, JsonObject values) {
    this.workspace = workspace;
    this.values = values;
  }

  public WorkspaceId workspace() {
    return workspace;
  }

  public boolean has(String name) {
    return value(name) != null;
  }

  public String text(String name) throws InvalidInputException {
    JsonValue value = value(name);
    if (value == null) {
      return null;
    }
    if (value instanceof JsonString string) {
      return string.getString();
    }
    throw new InvalidInputException(name, "must be a string");
  }

  public String requiredText(String name) throws InvalidInputException {
    String text = text(name);
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(name, "is required");
    }
    return text;
  }

  public UUID id(String name) throws InvalidInputException {
    String text = text(name);
    return text == null || text.isBlank()
        ? null
        : parseId(name, text, "must be the id of a record");
  }

  /** A list of record ids; null when absent. */
  public List<UUID> idList(String name) throws InvalidInputException {
    List<String> texts = textList(name);
    if (texts == null) {
      return null;
    }
    List<UUID> ids = new ArrayList<>();
    for (String text : texts) {
      ids.add(parseId(name, text, "must be ids of records"));
    }
    return ids;
  }

  private static UUID parseId(String name, String text, String rule) throws InvalidInputException {
    try {
      return UUID.fromString(text.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(name, rule);
    }
  }

  public UUID requiredId(String name) throws InvalidInputException {
    UUID id = id(name);
    if (id == null) {
      throw new InvalidInputException(name, "is required");
    }
    return id;
  }

  public LocalDate date(String name) throws InvalidInputException {
    String text = text(name);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(name, "must be a date as YYYY-MM-DD");
    }
  }

  public LocalDate requiredDate(String name) throws InvalidInputException {
    LocalDate date = date(name);
    if (date == null) {
      throw new InvalidInputException(name, "is required");
    }
    return date;
  }

  public Integer integer(String name) throws InvalidInputException {
    BigDecimal number = number(name);
    if (number == null) {
      return null;
    }
    try {
      return number.intValueExact();
    } catch (ArithmeticException e) {
      throw new InvalidInputException(name, "must be a whole number");
    }
  }

  public Integer integer(String name, Integer absent) throws InvalidInputException {
    Integer integer = integer(name);
    return integer == null ? absent : integer;
  }

  public BigDecimal number(String name) throws InvalidInputException {
    JsonValue value = value(name);
    if (value == null) {
      return null;
    }
    if (value instanceof JsonNumber number) {
      return number.bigDecimalValue();
    }
    if (value instanceof JsonString string) {
      try {
        return new BigDecimal(string.getString().strip());
      } catch (NumberFormatException e) {
        // falls through to the validation failure below
      }
    }
    throw new InvalidInputException(name, "must be a number");
  }

  public Boolean flag(String name) throws InvalidInputException {
    JsonValue value = value(name);
    if (value == null) {
      return null;
    }
    if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
      return value == JsonValue.TRUE;
    }
    throw new InvalidInputException(name, "must be true or false");
  }

  public boolean flag(String name, boolean absent) throws InvalidInputException {
    Boolean flag = flag(name);
    return flag == null ? absent : flag;
  }

  /** The version a change is based on; absent means "whatever is current". */
  public Integer version() throws InvalidInputException {
    return integer("version");
  }

  public <E extends Enum<E>> E choice(String name, Class<E> type) throws InvalidInputException {
    String text = text(name);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(name, "must be one of " + choices(type));
    }
  }

  public <E extends Enum<E>> E requiredChoice(String name, Class<E> type)
      throws InvalidInputException {
    E choice = choice(name, type);
    if (choice == null) {
      throw new InvalidInputException(name, "is required");
    }
    return choice;
  }

  public List<String> textList(String name) throws InvalidInputException {
    JsonValue value = value(name);
    if (value == null) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new InvalidInputException(name, "must be a list of strings");
    }
    List<String> texts = new ArrayList<>();
    for (JsonValue item : value.asJsonArray()) {
      if (!(item instanceof JsonString string)) {
        throw new InvalidInputException(name, "must be a list of strings");
      }
      texts.add(string.getString());
    }
    return texts;
  }

  static List<String> choices(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(constant -> constant.name().toLowerCase(Locale.ROOT))
        .toList();
  }

  private JsonValue value(String name) {
    JsonValue value = values.get(name);
    return value == null || value == JsonValue.NULL ? null : value;
  }
}
