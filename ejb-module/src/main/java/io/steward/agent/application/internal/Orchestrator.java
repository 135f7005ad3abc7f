package io.steward.agent.application.internal;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import io.steward.agent.application.AgentRegistry;
import io.steward.agent.application.PlanStep;
import io.steward.agent.application.PromptTemplates;
import io.steward.agent.application.PromptTemplates.PromptTemplate;
import io.steward.agent.spi.Agent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The orchestrator's prompts and the reading of their constrained JSON answers: intent
 * classification (which agents, in which order) and execution plans. The prompts never reach
 * clients (see {@link #protectedTexts()}).
 */
@ApplicationScoped
public class Orchestrator {

  static final int MAX_PIPELINE = 3;
  static final String SYNTHESIS =
      "The steps above were carried out by Steward's agents one after another. Tell the person"
          + " in a few sentences what was done and what came out of it; do not call tools.";

  @Inject AgentRegistry registry;
  @Inject PromptTemplates templates;

  private String classification;
  private String planning;

  @PostConstruct
  void writePrompts() {
    StringBuilder agents = new StringBuilder();
    for (Agent agent : registry.agents()) {
      agents.append("\n- ").append(agent.name()).append(": ").append(agent.description());
    }
    classification =
        "You route a person's request to the agents of Steward, a business-operations"
            + " assistant. The agents:"
            + agents
            + "\nAnswer with JSON only, in the form {\"agents\": [\"<agent>\"]}. Name the one agent"
            + " that should handle the request; name two or three, in the order they should act,"
            + " only when the request clearly needs several of them one after another.";
    StringBuilder catalog = new StringBuilder();
    for (PromptTemplate template : templates.all()) {
      catalog
          .append("\n- ")
          .append(template.id())
          .append(" (suits ")
          .append(template.agent())
          .append("; variables: ")
          .append(template.variables().isEmpty() ? "none" : String.join(", ", template.variables()))
          .append("): ")
          .append(template.description());
    }
    planning =
        "You plan how Steward's agents would carry out a person's request, without carrying it"
            + " out. The agents:"
            + agents
            + "\nThe prompt templates a step can use:"
            + catalog
            + "\nAnswer with JSON only, in the form {\"steps\": [{\"action\": \"<agent>\","
            + " \"template\": \"<template id>\", \"variables\": {\"<name>\": \"<value>\"},"
            + " \"from\": [<numbers of earlier steps whose results this step uses>]}]}. Use 1 to "
            + PlaybookCatalog.MAX_STEPS
            + " steps. Give each variable of a step's template a value from the request, or"
            + " \"$<name>\" when the person must supply it when the plan runs. Use the template"
            + " \"ask\" with the variable \"request\" for a step no other template fits.";
  }

  /** Texts a model's output must not repeat to a client. */
  List<String> protectedTexts() {
    List<String> texts = new ArrayList<>(List.of(classification, planning, SYNTHESIS));
    templates.all().forEach(template -> texts.add(template.text()));
    return texts;
  }

  ChatRequest classificationRequest(String message) {
    List<String> names = registry.agents().stream().map(Agent::name).toList();
    return ChatRequest.builder()
        .messages(SystemMessage.from(classification), UserMessage.from(message))
        .responseFormat(
            json(
                "route",
                JsonObjectSchema.builder()
                    .addProperty(
                        "agents",
                        JsonArraySchema.builder()
                            .items(JsonEnumSchema.builder().enumValues(names).build())
                            .build())
                    .required("agents")
                    .build()))
        .build();
  }

  /** The agents a classification names, in order; empty when the answer is not usable. */
  List<Agent> agentsFrom(String answer) {
    JsonObject object = object(answer);
    if (object == null || !(object.get("agents") instanceof JsonArray names)) {
      return List.of();
    }
    Set<Agent> agents = new LinkedHashSet<>();
    for (JsonValue name : names) {
      Agent agent =
          name instanceof JsonString text ? registry.agent(text.getString()).orElse(null) : null;
      if (agent == null || !agents.add(agent)) {
        return List.of();
      }
    }
    return agents.size() > MAX_PIPELINE ? List.of() : List.copyOf(agents);
  }

  ChatRequest planRequest(String message) {
    JsonObjectSchema step =
        JsonObjectSchema.builder()
            .addProperty("action", JsonStringSchema.builder().build())
            .addProperty("template", JsonStringSchema.builder().build())
            .addProperty("variables", JsonObjectSchema.builder().build())
            .addProperty(
                "from",
                JsonArraySchema.builder().items(JsonIntegerSchema.builder().build()).build())
            .required("action", "template", "variables", "from")
            .build();
    return ChatRequest.builder()
        .messages(SystemMessage.from(planning), UserMessage.from(message))
        .responseFormat(
            json(
                "plan",
                JsonObjectSchema.builder()
                    .addProperty("steps", JsonArraySchema.builder().items(step).build())
                    .required("steps")
                    .build()))
        .build();
  }

  /** The steps of a planning answer (not yet validated); empty when it is not a plan. */
  List<PlanStep> stepsFrom(String answer) {
    try {
      return PlaybookCatalog.fromJson(answer == null ? "" : answer.strip());
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }

  private static ResponseFormat json(String name, JsonObjectSchema root) {
    return ResponseFormat.builder()
        .type(ResponseFormatType.JSON)
        .jsonSchema(JsonSchema.builder().name(name).rootElement(root).build())
        .build();
  }

  private static JsonObject object(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text == null ? "" : text))) {
      return reader.readValue() instanceof JsonObject object ? object : null;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
