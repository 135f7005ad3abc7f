package io.steward.provider.offline;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Short answers the offline model composes from a tool's JSON result: an error, a deleted record,
 * or else the tool's own answer from its phrasebook, if it has one, or a general one for a created,
 * updated or read record or a list of records, worded after the tool's name (and its arguments, for
 * what the result leaves out).
 */
final class OfflineAnswers {

  private static final JsonProvider JSON = JsonProvider.provider();

  private final Map<String, Function<OfflineResult, String>> worded;

  /** Answers with the tools' own wordings, by tool name, before the general ones. */
  OfflineAnswers(Map<String, Function<OfflineResult, String>> worded) {
    this.worded = Map.copyOf(worded);
  }

  /** The answer to a tool call, given the tool's name, its arguments and its result. */
  String answer(String tool, JsonObject arguments, String result) {
    Optional<JsonObject> parsed = parseObject(result);
    if (parsed.isEmpty()) {
      return unsummarised(result);
    }
    JsonObject content = parsed.get();
    if (content.containsKey("error")) {
      return "I couldn't do that: " + errorMessage(content.get("error"));
    }
    if (content.get("approval") instanceof JsonObject approval) {
      return approval(tool, arguments, approval);
    }
    if (content.get("deleted") instanceof JsonObject deleted) {
      return "Deleted the " + typeName(OfflineResult.text(deleted, "type").orElse("record")) + ".";
    }
    if (worded.containsKey(tool)) {
      return worded.get(tool).apply(new OfflineResult(arguments, content));
    }
    if (content.get("items") instanceof JsonArray) {
      return list(tool, new OfflineResult(arguments, content));
    }
    if (content.containsKey("type")) {
      return record(tool, content);
    }
    return unsummarised(result);
  }

  /**
   * A change held for a person: that it waits, or how it ended — when applied, what the change
   * itself answered.
   */
  private String approval(String tool, JsonObject arguments, JsonObject approval) {
    String state = OfflineResult.text(approval, "state").orElse("pending");
    String comment = OfflineResult.text(approval, "comment").map(c -> ": “" + c + "”").orElse("");
    return switch (state) {
      case "applied" ->
          OfflineResult.text(approval, "result")
              .map(result -> answer(tool, arguments, result))
              .orElse("Done: the change was approved and made.");
      case "rejected" -> "The change was rejected, so I did not make it" + comment + ".";
      case "cancelled" -> "The change was cancelled, so I did not make it.";
      case "expired" -> "Nobody approved the change in time, so I did not make it.";
      case "failed" ->
          "The change was approved but could not be made: "
              + OfflineResult.text(approval, "reason").orElse("it failed")
              + ".";
      default -> "That change waits for a person's approval; I'll make it once it is approved.";
    };
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
    if (error instanceof JsonObject details && OfflineResult.text(details, "message").isPresent()) {
      return OfflineResult.text(details, "message").get();
    }
    return error instanceof JsonString message && !message.getString().isBlank()
        ? message.getString()
        : "the tool reported an error.";
  }

  private static String record(String tool, JsonObject record) {
    String type = typeName(OfflineResult.text(record, "type").orElse("record"));
    String named = OfflineResult.label(record).map(label -> " “" + label + "”").orElse("");
    String verb;
    if (tool.startsWith("create_")) {
      verb = "Created ";
    } else if (tool.startsWith("update_")) {
      verb = "Updated ";
    } else {
      verb = "Here is the ";
    }
    List<String> details = OfflineResult.details(record);
    return verb + type + named + (details.isEmpty() ? "" : ", " + String.join(", ", details)) + ".";
  }

  private static String list(String tool, OfflineResult page) {
    JsonArray items = page.items();
    String type =
        items.isEmpty() || !(items.get(0) instanceof JsonObject first)
            ? typeFromToolName(tool)
            : typeName(OfflineResult.text(first, "type").orElse(typeFromToolName(tool)));
    String scope = page.argument("project").map(project -> " in project " + project).orElse("");
    if (page.total() == 0) {
      return "There are no " + OfflineResult.plural(type) + scope + ".";
    }
    return "Found " + OfflineResult.counted(page.total(), type) + scope + ":" + page.listing();
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
}
