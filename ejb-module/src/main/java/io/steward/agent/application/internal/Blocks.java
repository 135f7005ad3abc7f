package io.steward.agent.application.internal;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.steward.agent.spi.EntityRef;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Rich output blocks (DOMAIN.md §4) for one run. Blocks that point at records — entity links and
 * timelines — are built from the records the run's tools returned, never from what the model wrote;
 * tables and charts are checked against their shape. A block that fails is not shown.
 */
final class Blocks {

  static final String EVENT_NAME = "steward.block";
  static final String TOOL_NAME = "show_block";
  private static final Set<String> CHART_TYPES =
      Set.of("area", "bar", "line", "pie", "radar", "radial");
  private static final int MAX_ROWS = 200;
  private static final int MAX_COLUMNS = 20;

  /** A block is one stored run event, whose column holds 1,000,000 characters. */
  static final int MAX_BLOCK_CHARS = 200_000;

  static final ToolSpecification TOOL =
      ToolSpecification.builder()
          .name(TOOL_NAME)
          .description(
              "Shows a rich block to the user. block.type is one of: entity_ref {entityType, id}"
                  + " (a record a tool returned in this run); table {title?, headers: [string],"
                  + " rows: [[value]]}; chart {chartType: area|bar|line|pie|radar|radial, title,"
                  + " data: [object], config?: {dataKey: {label, color?}}}; timeline {title?,"
                  + " checkpointIds: [id]} (checkpoints a tool returned in this run).")
          .parameters(
              JsonObjectSchema.builder()
                  .addProperty(
                      "block",
                      JsonObjectSchema.builder()
                          .description("The block, with its type and fields")
                          .additionalProperties(true)
                          .build())
                  .required("block")
                  .build())
          .build();

  /** What became of a block the model asked to show: the block, or why it was dropped. */
  record Outcome(JsonObject block, String problem) {
    static Outcome dropped(String problem) {
      return new Outcome(null, problem);
    }
  }

  private final Map<UUID, EntityRef> entities = new LinkedHashMap<>();

  void remember(Iterable<EntityRef> refs) {
    refs.forEach(ref -> entities.put(ref.id(), ref));
  }

  /** A link to a record a tool returned. */
  JsonObject entityRef(EntityRef ref) {
    return Json.createObjectBuilder()
        .add("type", "entity_ref")
        .add("entityType", ref.type())
        .add("id", ref.id().toString())
        .add("label", ref.label() == null ? "" : ref.label())
        .build();
  }

  Outcome resolve(JsonObject arguments) {
    JsonValue value = arguments.get("block");
    if (!(value instanceof JsonObject block)) {
      return Outcome.dropped("block must be an object");
    }
    String type = block.getString("type", "");
    Outcome outcome =
        switch (type) {
          case "entity_ref" -> entityRef(block);
          case "table" -> table(block);
          case "chart" -> chart(block);
          case "timeline" -> timeline(block);
          default -> Outcome.dropped("unknown block type '" + type + "'");
        };
    return outcome.block() != null && outcome.block().toString().length() > MAX_BLOCK_CHARS
        ? Outcome.dropped("the block is larger than " + MAX_BLOCK_CHARS + " characters as JSON")
        : outcome;
  }

  private Outcome entityRef(JsonObject block) {
    EntityRef ref = known(block.getString("id", ""));
    if (ref == null || !ref.type().equals(block.getString("entityType", ""))) {
      return Outcome.dropped("entity_ref must name a record a tool returned in this run");
    }
    return new Outcome(entityRef(ref), null);
  }

  private Outcome table(JsonObject block) {
    JsonArray headers = array(block, "headers");
    JsonArray rows = array(block, "rows");
    if (headers == null
        || headers.isEmpty()
        || headers.size() > MAX_COLUMNS
        || !headers.stream().allMatch(header -> header instanceof JsonString)) {
      return Outcome.dropped("table needs 1 to " + MAX_COLUMNS + " string headers");
    }
    if (rows == null || rows.size() > MAX_ROWS) {
      return Outcome.dropped("table needs at most " + MAX_ROWS + " rows");
    }
    for (JsonValue row : rows) {
      if (!(row instanceof JsonArray cells)
          || cells.size() != headers.size()
          || !cells.stream().allMatch(Blocks::scalar)) {
        return Outcome.dropped("each table row needs one plain value per header");
      }
    }
    return new Outcome(
        withTitle(block).add("type", "table").add("headers", headers).add("rows", rows).build(),
        null);
  }

  private Outcome chart(JsonObject block) {
    String chartType = block.getString("chartType", "");
    JsonArray data = array(block, "data");
    if (!CHART_TYPES.contains(chartType)) {
      return Outcome.dropped("chartType must be one of " + CHART_TYPES);
    }
    if (data == null
        || data.isEmpty()
        || data.size() > MAX_ROWS
        || !data.stream()
            .allMatch(
                point ->
                    point instanceof JsonObject fields
                        && fields.values().stream().allMatch(Blocks::scalar))) {
      return Outcome.dropped("chart data must be 1 to " + MAX_ROWS + " objects of plain values");
    }
    JsonObjectBuilder chart =
        withTitle(block).add("type", "chart").add("chartType", chartType).add("data", data);
    JsonValue config = block.get("config");
    if (config != null && config != JsonValue.NULL) {
      if (!(config instanceof JsonObject series)
          || !series.values().stream()
              .allMatch(
                  entry ->
                      entry instanceof JsonObject described
                          && described.get("label") instanceof JsonString)) {
        return Outcome.dropped("chart config maps each data key to {label, color?}");
      }
      chart.add("config", series);
    }
    return new Outcome(chart.build(), null);
  }

  private Outcome timeline(JsonObject block) {
    JsonArray ids = array(block, "checkpointIds");
    if (ids == null || ids.isEmpty()) {
      return Outcome.dropped("timeline needs checkpointIds");
    }
    JsonArrayBuilder items = Json.createArrayBuilder();
    for (JsonValue id : ids) {
      EntityRef ref = id instanceof JsonString text ? known(text.getString()) : null;
      if (ref == null || !ref.type().equals("checkpoint")) {
        return Outcome.dropped("timeline must list checkpoints a tool returned in this run");
      }
      items.add(
          Json.createObjectBuilder()
              .add("id", ref.id().toString())
              .add("title", ref.label())
              .add("date", String.valueOf(ref.fields().getOrDefault("date", ""))));
    }
    return new Outcome(withTitle(block).add("type", "timeline").add("items", items).build(), null);
  }

  private EntityRef known(String id) {
    try {
      return entities.get(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static JsonObjectBuilder withTitle(JsonObject block) {
    JsonObjectBuilder builder = Json.createObjectBuilder();
    if (block.get("title") instanceof JsonString title) {
      builder.add("title", title);
    }
    return builder;
  }

  private static JsonArray array(JsonObject block, String name) {
    return block.get(name) instanceof JsonArray array ? array : null;
  }

  private static boolean scalar(JsonValue value) {
    return switch (value.getValueType()) {
      case STRING, NUMBER, TRUE, FALSE -> true;
      default -> false;
    };
  }
}
