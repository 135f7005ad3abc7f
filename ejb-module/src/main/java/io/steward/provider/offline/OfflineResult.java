package io.steward.provider.offline;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A tool's result, a record or a page of records, with the arguments of the call, as the offline
 * model reads them to answer; phrasebooks word the answers of their own tools from it.
 */
public final class OfflineResult {

  private static final List<String> LABELS = List.of("title", "name", "summary");

  private final JsonObject arguments;
  private final JsonObject content;

  OfflineResult(JsonObject arguments, JsonObject content) {
    this.arguments = arguments;
    this.content = content;
  }

  /** A text field of the resulting record, if it is there and not blank. */
  public Optional<String> field(String name) {
    return text(content, name);
  }

  /** A text argument of the call, if it was given and not blank. */
  public Optional<String> argument(String name) {
    return text(arguments, name);
  }

  /** What the resulting record is called: its title, name or summary. */
  public Optional<String> label() {
    return label(content);
  }

  /** The records listed. */
  JsonArray items() {
    return content.get("items") instanceof JsonArray items ? items : JsonValue.EMPTY_JSON_ARRAY;
  }

  /** How many records there are in all, of which the page lists the first. */
  public long total() {
    long counted = content.get("totalCount") instanceof JsonNumber count ? count.longValue() : 0;
    return Math.max(items().size(), counted);
  }

  /** The records listed as Markdown bullets, and a note when there are more than listed. */
  public String listing() {
    int shown = items().size();
    return bullets(items()) + (total() > shown ? "\n\nShowing the first " + shown + "." : "");
  }

  /**
   * The records of a list in the result, such as search hits, as Markdown bullets; empty if none.
   */
  public String bullets(String list) {
    return content.get(list) instanceof JsonArray records ? bullets(records) : "";
  }

  /** "1 task", "3 tasks". */
  public static String counted(long count, String type) {
    return count + " " + (count == 1 ? type : plural(type));
  }

  static String plural(String type) {
    return type.endsWith("y") ? type.substring(0, type.length() - 1) + "ies" : type + "s";
  }

  /** A Markdown bullet per record: its title or name, then details such as the due date. */
  static String bullets(JsonArray records) {
    StringBuilder bullets = new StringBuilder();
    for (JsonValue value : records) {
      if (value instanceof JsonObject record) {
        List<String> details = details(record);
        bullets
            .append("\n- ")
            .append(label(record).orElse("(untitled)"))
            .append(details.isEmpty() ? "" : " (" + String.join(", ", details) + ")");
      }
    }
    return bullets.toString();
  }

  /** What people want to see of a record besides its label. */
  static List<String> details(JsonObject record) {
    List<String> details = new ArrayList<>();
    text(record, "email").ifPresent(details::add);
    text(record, "dueDate").ifPresent(date -> details.add("due " + date));
    text(record, "date").ifPresent(date -> details.add("on " + date));
    text(record, "stage").ifPresent(details::add);
    return details;
  }

  static Optional<String> label(JsonObject record) {
    return LABELS.stream().map(name -> text(record, name)).flatMap(Optional::stream).findFirst();
  }

  static Optional<String> text(JsonObject object, String name) {
    return object.get(name) instanceof JsonString value && !value.getString().isBlank()
        ? Optional.of(value.getString())
        : Optional.empty();
  }
}
