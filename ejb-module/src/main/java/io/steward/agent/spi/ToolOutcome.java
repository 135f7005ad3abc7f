package io.steward.agent.spi;

import io.steward.tenancy.domain.RecordPage;
import io.steward.tenancy.domain.WorkspaceRecord;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a tool call produced: JSON content for the model (and the {@code TOOL_CALL_RESULT} event),
 * the records it returned, which rich blocks may then refer to, and blocks the tool itself shows
 * from its results (e.g. the citations of a knowledge search), each a JSON object with a {@code
 * type}.
 */
public record ToolOutcome(String content, List<EntityRef> entities, List<String> blocks) {

  /** Made on first use, so that building an outcome needs no JSON-B provider (unit tests). */
  private static final class Lazy {
    static final Jsonb JSON = JsonbBuilder.create();
  }

  public ToolOutcome {
    entities = List.copyOf(entities);
    blocks = List.copyOf(blocks);
  }

  public ToolOutcome(String content, List<EntityRef> entities) {
    this(content, entities, List.of());
  }

  /** Any result, as JSON, with blocks built from it (each serialized as a JSON object). */
  public static ToolOutcome ofValue(Object value, List<EntityRef> entities, List<?> blocks) {
    return new ToolOutcome(
        Lazy.JSON.toJson(value), entities, blocks.stream().map(Lazy.JSON::toJson).toList());
  }

  /** One record: its type, id, version and business state. */
  public static ToolOutcome of(WorkspaceRecord record) {
    return new ToolOutcome(Lazy.JSON.toJson(describe(record)), List.of(refOf(record)));
  }

  /** A page of records and how many there are in all. */
  public static ToolOutcome of(RecordPage<? extends WorkspaceRecord> page) {
    return of(page.items(), page.totalCount());
  }

  /** Records and how many match in all (more than listed when the list was cut short). */
  public static ToolOutcome of(List<? extends WorkspaceRecord> records, long totalCount) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("items", records.stream().map(ToolOutcome::describe).toList());
    content.put("totalCount", totalCount);
    return new ToolOutcome(
        Lazy.JSON.toJson(content), records.stream().map(ToolOutcome::refOf).toList());
  }

  /** Any other result, as JSON. */
  public static ToolOutcome ofValue(Object value, List<EntityRef> entities) {
    return new ToolOutcome(Lazy.JSON.toJson(value), entities);
  }

  public static ToolOutcome deleted(String type, UUID id) {
    return ofValue(Map.of("deleted", Map.of("type", type, "id", id.toString())), List.of());
  }

  public static EntityRef refOf(WorkspaceRecord record) {
    Map<String, Object> fields = new LinkedHashMap<>(describe(record));
    fields.values().removeIf(java.util.Objects::isNull);
    return new EntityRef(record.recordType(), record.id(), record.label(), fields);
  }

  public static Map<String, Object> describe(WorkspaceRecord record) {
    Map<String, Object> description = new LinkedHashMap<>();
    description.put("type", record.recordType());
    description.put("id", record.id().toString());
    description.put("version", record.version());
    record.state().forEach((name, value) -> description.put(name, jsonValue(value)));
    return description;
  }

  /** Dates, ids and enums as the strings the tools take back (enums in lower case). */
  private static Object jsonValue(Object value) {
    if (value instanceof Enum<?> constant) {
      return constant.name().toLowerCase(java.util.Locale.ROOT);
    }
    if (value instanceof UUID || value instanceof java.time.temporal.Temporal) {
      return value.toString();
    }
    return value;
  }
}
