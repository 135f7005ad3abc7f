package io.steward.agent.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import io.steward.shared.domain.InvalidInputException;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.work.domain.Task;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Tests that {@link AgentTool}'s builder checks tool names and describes parameters as the JSON
 * schema the model sees, with required parameters listed as required.
 */
class AgentToolTest {

  enum Stage {
    LEAD,
    CLOSED_WON
  }

  @Test
  void should_accept_names_that_openai_compatible_function_names_allow() {
    assertEquals("find_deals", tool(AgentTool.reading("find_deals")).name());
    assertEquals("a2", tool(AgentTool.reading("a2")).name());
    assertEquals("t" + "x".repeat(63), tool(AgentTool.reading("t" + "x".repeat(63))).name());
  }

  @Test
  void should_reject_names_of_other_shapes() {
    for (String name :
        List.of(
            "", "f", "Find_deals", "find-deals", "find deals", "1find", "_find", "find.deals")) {
      assertThrows(IllegalArgumentException.class, () -> AgentTool.reading(name), name);
    }
    assertThrows(
        IllegalArgumentException.class, () -> AgentTool.creating("t" + "x".repeat(64), Task.class));
  }

  @Test
  void should_tell_reading_tools_from_changing_ones() {
    assertFalse(tool(AgentTool.reading("find_deals")).changesData());
    assertTrue(tool(AgentTool.updating("update_deal", Task.class, "taskId")).changesData());
  }

  @Test
  void should_require_a_description_and_a_handler() {
    assertThrows(
        NullPointerException.class, () -> AgentTool.reading("find_deals").handler(args -> null));
    assertThrows(
        NullPointerException.class,
        () -> AgentTool.reading("find_deals").description("Finds deals").handler(null));
  }

  @Test
  void should_describe_name_description_and_parameter_types_in_its_specification() {
    ToolSpecification specification =
        AgentTool.updating("update_deal", Task.class, "taskId")
            .description("Changes a deal")
            .text("title", "The new title")
            .integer("probability", "Percent")
            .number("amount", "In the deal's currency")
            .flag("archived", "Whether to archive it")
            .date("closesOn", "When it closes")
            .choice("stage", "The stage", Stage.class)
            .textList("tags", "Labels")
            .version()
            .handler(args -> null)
            .specification();

    assertEquals("update_deal", specification.name());
    assertEquals("Changes a deal", specification.description());
    Map<String, JsonSchemaElement> properties = specification.parameters().properties();
    assertEquals(
        List.of(
            "title",
            "probability",
            "amount",
            "archived",
            "closesOn",
            "stage",
            "tags",
            "version",
            AgentTool.REASON,
            AgentTool.CONFIDENCE),
        new ArrayList<>(properties.keySet()));
    assertEquals(
        "The new title",
        assertInstanceOf(JsonStringSchema.class, properties.get("title")).description());
    assertInstanceOf(JsonIntegerSchema.class, properties.get("probability"));
    assertInstanceOf(JsonNumberSchema.class, properties.get("amount"));
    assertInstanceOf(JsonBooleanSchema.class, properties.get("archived"));
    assertInstanceOf(JsonIntegerSchema.class, properties.get("version"));
    assertEquals(
        "When it closes (date as YYYY-MM-DD)",
        assertInstanceOf(JsonStringSchema.class, properties.get("closesOn")).description());
    assertEquals(
        List.of("lead", "closed_won"),
        assertInstanceOf(JsonEnumSchema.class, properties.get("stage")).enumValues());
    JsonArraySchema tags = assertInstanceOf(JsonArraySchema.class, properties.get("tags"));
    assertInstanceOf(JsonStringSchema.class, tags.items());
    assertEquals(List.of(), specification.parameters().required());
  }

  @Test
  void should_list_required_parameters_as_required() {
    ToolSpecification specification =
        AgentTool.creating("create_deal", Task.class)
            .description("Creates a deal")
            .requiredText("title", "Title")
            .text("notes", "Notes")
            .requiredDate("closesOn", "Close date")
            .requiredChoice("stage", "Stage", Stage.class)
            .integer("probability", "Percent")
            .require("probability")
            .handler(args -> null)
            .specification();

    assertEquals(
        List.of("title", "closesOn", "stage", "probability"),
        specification.parameters().required());
    assertEquals(7, specification.parameters().properties().size());
  }

  @Test
  void should_hand_the_arguments_to_its_handler() throws Exception {
    List<ToolArguments> handled = new ArrayList<>();
    AgentTool tool =
        AgentTool.reading("find_deals")
            .description("Finds deals")
            .handler(
                args -> {
                  handled.add(args);
                  return null;
                });
    ToolArguments arguments =
        new ToolArguments(WorkspaceId.generate(), JsonValue.EMPTY_JSON_OBJECT);

    assertNull(tool.execute(arguments));
    assertEquals(1, handled.size());
    assertSame(arguments, handled.get(0));
  }

  private static AgentTool tool(AgentTool.Builder builder) {
    return builder.description("A tool").handler(args -> null);
  }

  @Test
  void should_check_arguments_as_the_handler_reads_them() throws Exception {
    AgentTool tool =
        AgentTool.updating("update_deal", Task.class, "taskId")
            .description("Changes a deal")
            .requiredText("taskId", "The task")
            .integer("probability", "Percent")
            .choice("stage", "The stage", Stage.class)
            .textList("tags", "Labels")
            .handler(args -> null);

    tool.check(arguments("{\"taskId\": \"t\", \"probability\": \"40\", \"stage\": \" LEAD\"}"));
    assertEquals(
        "taskId",
        assertThrows(InvalidInputException.class, () -> tool.check(arguments("{}"))).field());
    assertEquals(
        "probability",
        assertThrows(
                InvalidInputException.class,
                () -> tool.check(arguments("{\"taskId\": \"t\", \"probability\": 0.5}")))
            .field());
    assertEquals(
        "stage",
        assertThrows(
                InvalidInputException.class,
                () -> tool.check(arguments("{\"taskId\": \"t\", \"stage\": \"won\"}")))
            .field());
    assertEquals(
        "tags",
        assertThrows(
                InvalidInputException.class,
                () -> tool.check(arguments("{\"taskId\": \"t\", \"tags\": \"a\"}")))
            .field());
  }

  private static ToolArguments arguments(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return new ToolArguments(new WorkspaceId(UUID.randomUUID()), reader.readObject());
    }
  }
}
