package io.steward.agent.spi;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import io.steward.approval.domain.ActionOperation;
import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.WorkspaceRecord;
import jakarta.json.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A skill an agent may use: a name and JSON-schema parameters the model sees, what it does to which
 * kind of record (a write is put to the workspace's action policy first), and a handler that calls
 * an application service. Names use letters, digits and underscores, as OpenAI-compatible function
 * names must. Every write also takes the model's {@value #REASON} and {@value #CONFIDENCE}, which
 * the people deciding about it see; the handler never gets them.
 */
public final class AgentTool {

  /** Does the work of a tool call: maps the arguments onto an application service call. */
  @FunctionalInterface
  public interface Handler {
    ToolOutcome handle(ToolArguments arguments) throws StewardException;
  }

  /** The argument in which a model says why it makes a change. */
  public static final String REASON = "reason";

  /** The argument in which a model says how sure it is of a change, from 0 to 1. */
  public static final String CONFIDENCE = "confidence";

  private final String name;
  private final String description;
  private final ActionOperation operation;
  private final Class<? extends WorkspaceRecord> recordClass;
  private final String idArgument;
  private final JsonObjectSchema parameters;
  private final Handler handler;

  private AgentTool(Builder builder) {
    this.name = builder.name;
    this.description = Objects.requireNonNull(builder.description, "description");
    this.operation = builder.operation;
    this.recordClass = builder.recordClass;
    this.idArgument = builder.idArgument;
    if (operation != ActionOperation.READ) {
      builder.text(REASON, "Why you make this change, for the person who may have to approve it");
      builder.number(CONFIDENCE, "How sure you are that this change is right, from 0 to 1");
    }
    this.parameters = builder.schema.required(builder.required).build();
    this.handler = Objects.requireNonNull(builder.handler, "handler");
  }

  /** Starts a tool that only reads. */
  public static Builder reading(String name) {
    return new Builder(name, ActionOperation.READ, null, null);
  }

  /** Starts a tool that adds a record of the type. */
  public static Builder creating(String name, Class<? extends WorkspaceRecord> type) {
    return new Builder(name, ActionOperation.CREATE, type, null);
  }

  /** Starts a tool that changes the record of the type whose id is in {@code idArgument}. */
  public static Builder updating(
      String name, Class<? extends WorkspaceRecord> type, String idArgument) {
    return new Builder(name, ActionOperation.UPDATE, type, idArgument);
  }

  /** Starts a tool that deletes the record of the type whose id is in {@code idArgument}. */
  public static Builder deleting(
      String name, Class<? extends WorkspaceRecord> type, String idArgument) {
    return new Builder(name, ActionOperation.DELETE, type, idArgument);
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  /** The parameters' JSON schema as models are sent it. */
  public String parametersJson() {
    return Json.createObjectBuilder(JsonSchemaElementUtils.toMap(parameters)).build().toString();
  }

  public boolean changesData() {
    return operation != ActionOperation.READ;
  }

  public ActionOperation operation() {
    return operation;
  }

  /** The kind of record a write makes, changes or deletes; null for reads. */
  public Class<? extends WorkspaceRecord> recordClass() {
    return recordClass;
  }

  /** The argument naming the record an update or delete is about; null otherwise. */
  public String idArgument() {
    return idArgument;
  }

  /** The parameters as JSON schema, for checking a call's arguments against them. */
  public JsonObjectSchema parameters() {
    return parameters;
  }

  public ToolSpecification specification() {
    return ToolSpecification.builder()
        .name(name)
        .description(description)
        .parameters(parameters)
        .build();
  }

  /**
   * Checks a call's arguments as the handler will read them: the required ones are there, and each
   * reads as the type (for choices, one of the values) its parameter gives. Arguments the tool does
   * not know are left alone, as handlers ignore them.
   */
  public void check(ToolArguments arguments) throws InvalidInputException {
    for (String name : parameters.required()) {
      if (!arguments.has(name)) {
        throw new InvalidInputException(name, "is required");
      }
    }
    for (Map.Entry<String, JsonSchemaElement> property : parameters.properties().entrySet()) {
      String name = property.getKey();
      JsonSchemaElement schema = property.getValue();
      if (schema instanceof JsonEnumSchema choice) {
        String value = arguments.text(name);
        if (value != null
            && !choice.enumValues().contains(value.strip().toLowerCase(Locale.ROOT))) {
          throw new InvalidInputException(name, "must be one of " + choice.enumValues());
        }
      } else if (schema instanceof JsonStringSchema) {
        arguments.text(name);
      } else if (schema instanceof JsonIntegerSchema) {
        arguments.integer(name);
      } else if (schema instanceof JsonNumberSchema) {
        arguments.number(name);
      } else if (schema instanceof JsonBooleanSchema) {
        arguments.flag(name);
      } else if (schema instanceof JsonArraySchema) {
        arguments.textList(name);
      }
    }
  }

  public ToolOutcome execute(ToolArguments arguments) throws StewardException {
    return handler.handle(arguments);
  }

  /** Describes a tool's parameters; each {@code required…} method also marks it required. */
  public static final class Builder {
    private static final String NAME_PATTERN = "[a-z][a-z0-9_]{1,63}";

    private final String name;
    private final ActionOperation operation;
    private final Class<? extends WorkspaceRecord> recordClass;
    private final String idArgument;
    private final JsonObjectSchema.Builder schema = JsonObjectSchema.builder();
    private final List<String> required = new ArrayList<>();
    private String description;
    private Handler handler;

    private Builder(
        String name,
        ActionOperation operation,
        Class<? extends WorkspaceRecord> recordClass,
        String idArgument) {
      if (!name.matches(NAME_PATTERN)) {
        throw new IllegalArgumentException("tool name must match " + NAME_PATTERN + ": " + name);
      }
      this.name = name;
      this.operation = operation;
      this.recordClass = recordClass;
      this.idArgument = idArgument;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder text(String parameter, String description) {
      schema.addStringProperty(parameter, description);
      return this;
    }

    public Builder requiredText(String parameter, String description) {
      return text(parameter, description).require(parameter);
    }

    public Builder integer(String parameter, String description) {
      schema.addIntegerProperty(parameter, description);
      return this;
    }

    public Builder number(String parameter, String description) {
      schema.addNumberProperty(parameter, description);
      return this;
    }

    public Builder flag(String parameter, String description) {
      schema.addBooleanProperty(parameter, description);
      return this;
    }

    /** A calendar date, written as ISO {@code YYYY-MM-DD}. */
    public Builder date(String parameter, String description) {
      return text(parameter, description + " (date as YYYY-MM-DD)");
    }

    public Builder requiredDate(String parameter, String description) {
      return date(parameter, description).require(parameter);
    }

    /** One of an enum's constants, offered to the model in lower case. */
    public Builder choice(String parameter, String description, Class<? extends Enum<?>> type) {
      schema.addEnumProperty(parameter, ToolArguments.choices(type), description);
      return this;
    }

    public Builder requiredChoice(
        String parameter, String description, Class<? extends Enum<?>> type) {
      return choice(parameter, description, type).require(parameter);
    }

    public Builder textList(String parameter, String description) {
      schema.addProperty(
          parameter,
          JsonArraySchema.builder()
              .description(description)
              .items(JsonStringSchema.builder().build())
              .build());
      return this;
    }

    /** The version of the record a change is based on, as the record's last read returned it. */
    public Builder version() {
      return integer(
          "version", "The record's version from when it was last read, to detect concurrent edits");
    }

    public Builder require(String... parameters) {
      required.addAll(Arrays.asList(parameters));
      return this;
    }

    public AgentTool handler(Handler handler) {
      this.handler = handler;
      return new AgentTool(this);
    }
  }
}
