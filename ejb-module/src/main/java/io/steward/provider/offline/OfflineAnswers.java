package io.steward.provider.offline;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Short answers the offline model composes from a tool's JSON result: an error, a deleted record, a
 * created, updated or moved record, a list of records, or CRM search hits. The tool's name (and its
 * arguments, for what the result leaves out) choose the wording.
 */
final class OfflineAnswers {

  private static final JsonProvider JSON = JsonProvider.provider();
  private static final List<String> LABELS = List.of("title", "name", "summary");
  private static final List<String> SEARCH_GROUPS = List.of("contacts", "companies", "deals");
  private static final String DUE_TODAY_TOOL = "list_tasks_due_today";

  private OfflineAnswers() {}

  /** The answer to a tool call, given the tool's name, its arguments and its result. */
  static String answer(String tool, JsonObject arguments, String result) {
    Optional<JsonObject> parsed = parseObject(result);
    if (parsed.isEmpty()) {
      return unsummarised(result);
    }
    JsonObject content = parsed.get();
    if (content.containsKey("error")) {
      return "I couldn't do that: " + errorMessage(content.get("error"));
    }
    if (content.get("deleted") instanceof JsonObject deleted) {
      return "Deleted the " + typeName(text(deleted, "type").orElse("record")) + ".";
    }
    if (content.get("items") instanceof JsonArray items) {
      return list(tool, arguments, items, content);
    }
    if (SEARCH_GROUPS.stream().anyMatch(group -> content.get(group) instanceof JsonArray)) {
      return searchHits(arguments, content);
    }
    if (content.containsKey("type")) {
      return record(tool, arguments, content);
    }
    return unsummarised(result);
  }

  /** Parses a JSON object; empty when the text is not one. */
  static Optional<JsonObject> parseObject(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try (JsonReader reader = JSON.createReader(new StringReader(text))) {
      return reader.readValue() instanceof JsonObject object
          ? Optional.of(object)
          : Optional.empty();
    } catch (JsonException e) {
      return Optional.empty();
    }
  }

  private static String unsummarised(String result) {
    return "Done. I can't summarise this result offline, so here it is as the tool returned it:\n\n"
        + "```\n"
        + (result == null ? "" : result.strip())
        + "\n```";
  }

  private static String errorMessage(JsonValue error) {
    if (error instanceof JsonObject details && text(details, "message").isPresent()) {
      return text(details, "message").get();
    }
    return error instanceof JsonString message && !message.getString().isBlank()
        ? message.getString()
        : "the tool reported an error.";
  }

  private static String record(String tool, JsonObject arguments, JsonObject record) {
    String type = typeName(text(record, "type").orElse("record"));
    String named = text(record, LABELS).map(label -> " “" + label + "”").orElse("");
    if (tool.equals("log_interaction")) {
      String kind = text(record, "kind").or(() -> text(arguments, "kind")).orElse("interaction");
      return "Logged " + kind + " with " + text(arguments, "contact").orElse("the contact") + ".";
    }
    if (tool.equals("move_deal")) {
      return "Moved deal"
          + named
          + text(record, "stage").map(stage -> " to " + stage).orElse("")
          + ".";
    }
    String verb;
    if (tool.startsWith("create_")) {
      verb = "Created ";
    } else if (tool.startsWith("update_")) {
      verb = "Updated ";
    } else {
      verb = "Here is the ";
    }
    List<String> details = details(record);
    return verb + type + named + (details.isEmpty() ? "" : ", " + String.join(", ", details)) + ".";
  }

  private static String list(String tool, JsonObject arguments, JsonArray items, JsonObject page) {
    int shown = items.size();
    long total =
        Math.max(shown, page.get("totalCount") instanceof JsonNumber count ? count.longValue() : 0);
    StringBuilder answer = new StringBuilder();
    if (tool.equals(DUE_TODAY_TOOL)) {
      if (total == 0) {
        return "Nothing is due today.";
      }
      answer
          .append(counted(total, "task"))
          .append(total == 1 ? " is" : " are")
          .append(" due today:");
    } else {
      String type =
          items.isEmpty() || !(items.get(0) instanceof JsonObject first)
              ? typeFromToolName(tool)
              : typeName(text(first, "type").orElse(typeFromToolName(tool)));
      String scope = text(arguments, "project").map(project -> " in project " + project).orElse("");
      if (total == 0) {
        return "There are no " + plural(type) + scope + ".";
      }
      answer.append("Found ").append(counted(total, type)).append(scope).append(":");
    }
    answer.append(bullets(items));
    if (total > shown) {
      answer.append("\n\nShowing the first ").append(shown).append(".");
    }
    return answer.toString();
  }

  private static String searchHits(JsonObject arguments, JsonObject hits) {
    String query = text(arguments, "query").map(words -> " for “" + words + "”").orElse("");
    StringBuilder answer = new StringBuilder();
    for (String group : SEARCH_GROUPS) {
      if (hits.get(group) instanceof JsonArray found && !found.isEmpty()) {
        answer
            .append("\n\n")
            .append(Character.toUpperCase(group.charAt(0)))
            .append(group.substring(1))
            .append(":")
            .append(bullets(found));
      }
    }
    return answer.length() == 0
        ? "I found nothing" + query + "."
        : "Here is what I found" + query + ":" + answer;
  }

  /** A Markdown bullet per record: its title or name, then details such as the due date. */
  private static String bullets(JsonArray records) {
    StringBuilder bullets = new StringBuilder();
    for (JsonValue value : records) {
      if (value instanceof JsonObject record) {
        List<String> details = details(record);
        bullets
            .append("\n- ")
            .append(text(record, LABELS).orElse("(untitled)"))
            .append(details.isEmpty() ? "" : " (" + String.join(", ", details) + ")");
      }
    }
    return bullets.toString();
  }

  /** What people want to see of a record besides its label. */
  private static List<String> details(JsonObject record) {
    List<String> details = new ArrayList<>();
    text(record, "email").ifPresent(details::add);
    text(record, "dueDate").ifPresent(date -> details.add("due " + date));
    text(record, "date").ifPresent(date -> details.add("on " + date));
    text(record, "stage").ifPresent(details::add);
    return details;
  }

  private static Optional<String> text(JsonObject object, String name) {
    return object.get(name) instanceof JsonString value && !value.getString().isBlank()
        ? Optional.of(value.getString())
        : Optional.empty();
  }

  private static Optional<String> text(JsonObject object, List<String> names) {
    return names.stream().map(name -> text(object, name)).flatMap(Optional::stream).findFirst();
  }

  /** A record type in words: {@code knowledgeDocument} is a "knowledge document". */
  private static String typeName(String type) {
    return type.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
  }

  /** {@code list_all_projects} lists projects: the word after {@code list_} and {@code all_}. */
  private static String typeFromToolName(String tool) {
    String listed = tool.replaceFirst("^list_", "").replaceFirst("^all_", "").split("_")[0];
    return listed.endsWith("ies")
        ? listed.substring(0, listed.length() - 3) + "y"
        : listed.replaceFirst("s$", "");
  }

  private static String plural(String type) {
    return type.endsWith("y") ? type.substring(0, type.length() - 1) + "ies" : type + "s";
  }

  private static String counted(long count, String type) {
    return count + " " + (count == 1 ? type : plural(type));
  }
}
