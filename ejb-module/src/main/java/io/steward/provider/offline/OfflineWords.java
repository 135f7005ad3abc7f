package io.steward.provider.offline;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Building blocks of {@link OfflinePhrasing}s: wordings many requests share, and the cleaning of
 * the words a wording captured into tool arguments.
 */
public final class OfflineWords {

  /** Starts a request to create something: "create a", "add an", "make a new", "new" … */
  public static final String CREATE =
      "(?:(?:create|add|make|start|write)\\s+(?:an?\\s+)?(?:new\\s+)?|new\\s+)";

  /** Between a kind of record and its name: a colon, "called", "named" or a space. */
  public static final String NAMED = "(?:\\s*:\\s*|\\s+(?:called|named)\\s+|\\s+)";

  /** Starts a request to list something: "list", "show me", "show all the" … */
  public static final String LIST = "(?:list|show(?:\\s+me)?)\\s+(?:(?:my|all|the)\\s+)*";

  private static final String SURROUNDING_QUOTES = "^[\"'“”‘’]+|[\"'“”‘’]+$";
  private static final String TRAILING_PUNCTUATION = "[\\s.,;:!?…]+$";
  private static final JsonProvider JSON = JsonProvider.provider();

  private OfflineWords() {}

  /** An enum's constants in lower case, as regular-expression alternatives. */
  public static String alternatives(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(constant -> constant.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining("|"));
  }

  /** Text as an argument: without surrounding quotes and trailing punctuation. */
  public static String cleaned(String text) {
    return text.strip().replaceAll(SURROUNDING_QUOTES, "").replaceAll(TRAILING_PUNCTUATION, "");
  }

  /** Cleaned text with a capital first letter, as titles are written. */
  public static String capitalised(String text) {
    String cleaned = cleaned(text);
    return cleaned.isEmpty()
        ? cleaned
        : cleaned.substring(0, 1).toUpperCase(Locale.ROOT) + cleaned.substring(1);
  }

  /** Starts a tool's arguments. */
  public static Arguments arguments() {
    return new Arguments();
  }

  /** Tool arguments that leaves out absent values and cleans the text of those present. */
  public static final class Arguments {
    private final JsonObjectBuilder object = JSON.createObjectBuilder();

    private Arguments() {}

    public Arguments add(String name, String value) {
      if (value != null && !cleaned(value).isEmpty()) {
        object.add(name, cleaned(value));
      }
      return this;
    }

    /** A list of texts, as given. */
    public Arguments addList(String name, String... values) {
      JsonArrayBuilder array = JSON.createArrayBuilder();
      Arrays.stream(values).forEach(array::add);
      object.add(name, array);
      return this;
    }

    /** The arguments, or empty when one that is required came out empty. */
    public Optional<JsonObject> build(String... required) {
      JsonObject arguments = object.build();
      return Arrays.stream(required).allMatch(arguments::containsKey)
          ? Optional.of(arguments)
          : Optional.empty();
    }
  }
}
