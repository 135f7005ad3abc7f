package io.steward.agent.application.internal;

import io.steward.agent.application.AgentRegistry;
import io.steward.agent.spi.Agent;
import io.steward.agent.spi.AgentTool;
import io.steward.agent.spi.ToolArguments;
import io.steward.agent.spi.ToolOutcome;
import io.steward.approval.application.ActionCatalog;
import io.steward.approval.domain.ActionOperation;
import io.steward.approval.domain.ProposedAction;
import io.steward.approval.domain.Requester;
import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.StaleVersionException;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.UnknownRecordException;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRecord;
import io.steward.tenancy.domain.WorkspaceRecords;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The agents' tools as the action policy and approvals see them: a call is described from the
 * tool's declaration (what it does to which kind of record, named by which argument) and the record
 * as it is now; applying it runs the tool's handler in the caller's transaction.
 */
@Stateless
public class AgentActionCatalog implements ActionCatalog {

  static final int MAX_REASON_CHARS = 2000;

  /** The most a call's arguments may hold, as stored with an approval request. */
  static final int MAX_ARGUMENT_CHARS = 200_000;

  /** Arguments that say which record and which version, not what changes. */
  private static final Set<String> NOT_CHANGES = Set.of("version");

  @Inject AgentRegistry registry;
  @Inject WorkspaceRecords records;

  @Override
  public ProposedAction propose(
      WorkspaceId workspace, String agent, String tool, String arguments, Requester requester)
      throws StewardException {
    AgentTool found = tool(agent, tool);
    JsonObject given = parse(arguments);
    String reason = reason(given);
    Double confidence = confidence(given);
    JsonObject call = withoutStatements(given);
    found.check(new ToolArguments(workspace, call));
    WorkspaceRecord record = target(workspace, found, call);
    Map<String, Object> before = record == null ? null : ToolOutcome.describe(record);
    Map<String, Object> after = after(found, before, call);
    Map<String, Object> amounts = after != null ? after : before;
    return new ProposedAction(
        workspace,
        agent,
        tool,
        call.toString(),
        found.operation(),
        found.recordClass() == null ? null : WorkspaceRecord.typeName(found.recordClass()),
        record == null ? null : record.id(),
        record == null ? null : record.version(),
        record == null ? null : record.label(),
        before,
        after,
        changedFields(found, before, call),
        amounts == null ? null : amount(amounts.get("value")),
        amounts == null || !(amounts.get("currency") instanceof String currency) ? null : currency,
        requester,
        confidence,
        reason);
  }

  @Override
  public String apply(
      WorkspaceId workspace, String agent, String tool, String arguments, Integer recordVersion)
      throws StewardException {
    AgentTool found = tool(agent, tool);
    JsonObject call = withoutStatements(parse(arguments));
    if (recordVersion != null) {
      WorkspaceRecord record = target(workspace, found, call);
      if (record != null && record.version() != recordVersion) {
        throw new StaleVersionException(record.recordType(), recordVersion, record.version());
      }
    }
    return ToolCalls.truncate(found.execute(new ToolArguments(workspace, call)).content());
  }

  private AgentTool tool(String agentName, String toolName) throws UnknownRecordException {
    Agent agent =
        registry
            .agent(agentName)
            .orElseThrow(() -> new UnknownRecordException("agent", agentName, "agent"));
    return registry.toolsOf(agent).stream()
        .filter(tool -> tool.name().equals(toolName))
        .findFirst()
        .orElseThrow(() -> new UnknownRecordException("tool", toolName, "tool"));
  }

  static JsonObject parse(String arguments) throws InvalidInputException {
    if (arguments != null && arguments.length() > MAX_ARGUMENT_CHARS) {
      throw new InvalidInputException(
          "arguments", "must be at most " + MAX_ARGUMENT_CHARS + " characters");
    }
    try (JsonReader reader = Json.createReader(new StringReader(arguments))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException | NullPointerException e) {
      throw new InvalidInputException("arguments", "must be a JSON object");
    }
  }

  private static String reason(JsonObject arguments) throws InvalidInputException {
    JsonValue value = arguments.get(AgentTool.REASON);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(value instanceof JsonString text) || text.getString().length() > MAX_REASON_CHARS) {
      throw new InvalidInputException(
          AgentTool.REASON, "must be text of at most " + MAX_REASON_CHARS + " characters");
    }
    return text.getString();
  }

  private static Double confidence(JsonObject arguments) throws InvalidInputException {
    JsonValue value = arguments.get(AgentTool.CONFIDENCE);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(value instanceof JsonNumber number)
        || number.doubleValue() < 0
        || number.doubleValue() > 1) {
      throw new InvalidInputException(AgentTool.CONFIDENCE, "must be a number from 0 to 1");
    }
    return number.doubleValue();
  }

  /** The call as the tool's handler gets it: what the model stated about it taken out. */
  static JsonObject withoutStatements(JsonObject arguments) {
    JsonObjectBuilder call = Json.createObjectBuilder(arguments);
    call.remove(AgentTool.REASON);
    call.remove(AgentTool.CONFIDENCE);
    return call.build();
  }

  /** The record an update or delete is about, as it is now. */
  private WorkspaceRecord target(WorkspaceId workspace, AgentTool tool, JsonObject call)
      throws StewardException {
    if (tool.idArgument() == null) {
      return null;
    }
    UUID id = new ToolArguments(workspace, call).requiredId(tool.idArgument());
    return records
        .find(tool.recordClass(), workspace, id)
        .orElseThrow(
            () ->
                new UnknownRecordException(
                    WorkspaceRecord.typeName(tool.recordClass()), id, tool.idArgument()));
  }

  /** The record after an update (its fields overlaid by the call's), or what a create makes. */
  private static Map<String, Object> after(
      AgentTool tool, Map<String, Object> before, JsonObject call) {
    return switch (tool.operation()) {
      case DELETE, READ -> null;
      case CREATE -> plain(call, null);
      case UPDATE -> {
        Map<String, Object> after = new LinkedHashMap<>(before);
        plain(call, tool.idArgument())
            .forEach(
                (name, value) -> {
                  if (after.containsKey(name) && !NOT_CHANGES.contains(name)) {
                    after.put(name, value);
                  }
                });
        yield after;
      }
    };
  }

  /** The arguments an update sets to something new, or that a create sets. */
  private static List<String> changedFields(
      AgentTool tool, Map<String, Object> before, JsonObject call) {
    if (tool.operation() == ActionOperation.DELETE || tool.operation() == ActionOperation.READ) {
      return List.of();
    }
    List<String> changed = new ArrayList<>();
    plain(call, tool.idArgument())
        .forEach(
            (name, value) -> {
              if (!NOT_CHANGES.contains(name)
                  && (before == null || !Objects.equals(text(before.get(name)), text(value)))) {
                changed.add(name);
              }
            });
    return changed;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  /** The call's arguments as plain values, without {@code except}; nulls left out. */
  private static Map<String, Object> plain(JsonObject call, String except) {
    Map<String, Object> values = new LinkedHashMap<>();
    call.forEach(
        (name, value) -> {
          if (!name.equals(except) && value.getValueType() != JsonValue.ValueType.NULL) {
            values.put(name, plain(value));
          }
        });
    return values;
  }

  private static Object plain(JsonValue value) {
    return switch (value.getValueType()) {
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> ((JsonNumber) value).bigDecimalValue();
      case TRUE -> true;
      case FALSE -> false;
      default -> value.toString();
    };
  }

  private static BigDecimal amount(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Number number) {
      return new BigDecimal(number.toString());
    }
    return null;
  }
}
