package io.steward.agent.spi;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import io.steward.agent.application.ActionPolicy;
import io.steward.shared.domain.StewardException;
import jakarta.json.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A skill an agent may use: a name and JSON-schema parameters the model sees, whether it changes
 * data (then the {@link ActionPolicy} decides first), and a handler that calls an application
 * service. Names use letters, digits and underscores, as OpenAI-compatible function names must.
 */
public final class AgentTool {

  /** Does the work of a tool call: maps the arguments onto an application service call. */
  @FunctionalInterface
  public interface Handler {
    ToolOutcome handle(ToolArguments arguments) throws StewardException;
  }

  private final String name;
  private final String description;
  private final boolean changesData;
  private final JsonObjectSchema parameters;
  private final Handler handler;

  private AgentTool(Builder builder) {
    this.name = builder.name;
    this.description = Objects.requireNonNull(builder.description, "description");
    this.changesData = builder.changesData;
    this.parameters = builder.schema.required(builder.required).build();
    this.handler = Objects.requireNonNull(builder.handler, "handler");
  }

  /** Starts a tool that only reads. */
  public static Builder reading(String name) {
    return new Builder(name, false);
  }

  /** Starts a tool that changes data: the action policy is asked before it runs. */
  public static Builder changing(String name) {
    return new Builder(name, true);
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
    return changesData;
  }

  public ToolSpecification specification() {
    return ToolSpecification.builder()
        .name(name)
        .description(description)
        .parameters(parameters)
        .build();
  }

  public ToolOutcome execute(ToolArguments arguments) throws StewardException {
    return handler.handle(arguments);
  }

  /** Describes a tool's parameters; each {@code required…} method also marks it required. */
  public static final class Builder {
    private static final String NAME_PATTERN = "[a-z][a-z0-9_]{1,63}";

    private final String name;
    private final boolean changesData;
    private final JsonObjectSchema.Builder schema = JsonObjectSchema.builder();
    private final List<String> required = new ArrayList<>();
    private String description;
    private Handler handler;

    private Builder(String name, boolean changesData) {
      if (!name.matches(NAME_PATTERN)) {
        throw new IllegalArgumentException("tool name must match " + NAME_PATTERN + ": " + name);
      }
      this.name = name;
      this.changesData = changesData;
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
