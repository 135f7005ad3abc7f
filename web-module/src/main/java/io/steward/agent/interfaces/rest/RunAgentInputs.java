package io.steward.agent.interfaces.rest;

import io.steward.agent.application.RunRequest;
import io.steward.agent.application.RunRequest.ContextItem;
import io.steward.agent.application.RunRequest.InputMessage;
import io.steward.agent.application.RunRequest.InputToolCall;
import io.steward.agent.application.RunRequest.Orchestration;
import io.steward.agent.application.RunRequest.ResumeAnswer;
import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.interfaces.rest.JsonBodies;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an AG-UI {@code RunAgentInput} as the AG-UI client sends it: {@code threadId}, {@code
 * runId} and {@code messages} required, {@code context} optional, content either a string or a list
 * of input parts (text parts are read, others skipped). {@code forwardedProps.model} may name the
 * model to use ({@code offline} for the built-in one); {@code mode}, {@code pipeline}, {@code
 * playbook} and {@code variables} direct the orchestrator. Client-side {@code tools} are not
 * offered to Steward's agents.
 */
final class RunAgentInputs {

  private RunAgentInputs() {}

  static RunRequest read(String body) throws InvalidInputException {
    JsonObject input = JsonBodies.object(body, "an AG-UI RunAgentInput JSON object");
    JsonArray messages = array(input, "messages");
    if (messages == null) {
      throw new InvalidInputException("messages", "is required (a list, may be empty)");
    }
    List<InputMessage> read = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      if (!(messages.get(i) instanceof JsonObject message)) {
        throw new InvalidInputException("messages[" + i + "]", "must be an object");
      }
      read.add(message(message, i));
    }
    List<ContextItem> context = new ArrayList<>();
    JsonArray items = array(input, "context");
    if (items != null) {
      for (JsonValue item : items) {
        if (item instanceof JsonObject object) {
          context.add(new ContextItem(text(object, "description"), text(object, "value")));
        }
      }
    }
    String model = null;
    Orchestration orchestration = Orchestration.DEFAULT;
    if (input.get("forwardedProps") instanceof JsonObject forwarded) {
      model = text(forwarded, "model");
      orchestration = orchestration(forwarded);
    }
    return new RunRequest(
        text(input, "threadId"),
        text(input, "runId"),
        read,
        context,
        model,
        orchestration,
        resume(array(input, "resume")));
  }

  /**
   * AG-UI's {@code resume}: each entry answers an interrupt, {@code resolved} with Steward's
   * payload {@code {approved, comment?, arguments?}} or {@code cancelled}.
   */
  private static List<ResumeAnswer> resume(JsonArray entries) throws InvalidInputException {
    if (entries == null) {
      return List.of();
    }
    if (entries.size() > RunRequest.MAX_RESUME) {
      throw new InvalidInputException("resume", "must hold at most " + RunRequest.MAX_RESUME);
    }
    List<ResumeAnswer> answers = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String at = "resume[" + i + "]";
      if (!(entries.get(i) instanceof JsonObject entry) || text(entry, "interruptId") == null) {
        throw new InvalidInputException(at + ".interruptId", "is required");
      }
      String status = text(entry, "status");
      if ("cancelled".equals(status)) {
        answers.add(new ResumeAnswer(text(entry, "interruptId"), true, false, null, null));
        continue;
      }
      if (!"resolved".equals(status)) {
        throw new InvalidInputException(at + ".status", "must be resolved or cancelled");
      }
      if (!(entry.get("payload") instanceof JsonObject payload)
          || (payload.get("approved") != JsonValue.TRUE
              && payload.get("approved") != JsonValue.FALSE)) {
        throw new InvalidInputException(at + ".payload.approved", "must be true or false");
      }
      JsonValue approved = payload.get("approved");
      JsonValue edits = payload.get("arguments");
      if (edits != null
          && edits.getValueType() != JsonValue.ValueType.NULL
          && !(edits instanceof JsonObject)) {
        throw new InvalidInputException(at + ".payload.arguments", "must be a JSON object");
      }
      answers.add(
          new ResumeAnswer(
              text(entry, "interruptId"),
              false,
              approved == JsonValue.TRUE,
              text(payload, "comment"),
              edits instanceof JsonObject object ? object.toString() : null));
    }
    return answers;
  }

  /**
   * Steward's own forwarded props: {@code mode} ({@code "act"} or {@code "plan"}), {@code pipeline}
   * (agent names), {@code playbook} (an id) and {@code variables} (names to strings).
   */
  private static Orchestration orchestration(JsonObject forwarded) throws InvalidInputException {
    String mode = text(forwarded, "mode");
    if (mode != null && !mode.equals("act") && !mode.equals("plan")) {
      throw new InvalidInputException("forwardedProps.mode", "must be act or plan");
    }
    List<String> pipeline = new ArrayList<>();
    JsonArray agents = array(forwarded, "pipeline");
    if (agents != null) {
      for (JsonValue agent : agents) {
        if (!(agent instanceof JsonString name)) {
          throw new InvalidInputException("forwardedProps.pipeline", "must list agent names");
        }
        pipeline.add(name.getString());
      }
    }
    Map<String, String> variables = new LinkedHashMap<>();
    if (forwarded.get("variables") instanceof JsonObject given) {
      for (Map.Entry<String, JsonValue> variable : given.entrySet()) {
        if (!(variable.getValue() instanceof JsonString value)) {
          throw new InvalidInputException(
              "forwardedProps.variables." + variable.getKey(), "must be a string");
        }
        variables.put(variable.getKey(), value.getString());
      }
    }
    return new Orchestration("plan".equals(mode), pipeline, text(forwarded, "playbook"), variables);
  }

  private static InputMessage message(JsonObject message, int index) throws InvalidInputException {
    List<InputToolCall> toolCalls = new ArrayList<>();
    JsonArray calls = array(message, "toolCalls");
    if (calls != null) {
      for (JsonValue call : calls) {
        if (!(call instanceof JsonObject object)
            || !(object.get("function") instanceof JsonObject function)) {
          throw new InvalidInputException(
              "messages[" + index + "].toolCalls", "must be AG-UI tool calls");
        }
        toolCalls.add(
            new InputToolCall(
                text(object, "id"), text(function, "name"), text(function, "arguments")));
      }
    }
    return new InputMessage(
        text(message, "id"),
        text(message, "role"),
        content(message.get("content")),
        toolCalls,
        text(message, "toolCallId"));
  }

  /** A string, or the text parts of a list of input parts joined by blank lines. */
  private static String content(JsonValue content) {
    if (content instanceof JsonString string) {
      return string.getString();
    }
    if (content instanceof JsonArray parts) {
      List<String> texts = new ArrayList<>();
      for (JsonValue part : parts) {
        if (part instanceof JsonObject object && "text".equals(text(object, "type"))) {
          texts.add(text(object, "text"));
        }
      }
      return String.join("\n\n", texts);
    }
    return null;
  }

  private static String text(JsonObject object, String name) {
    return object.get(name) instanceof JsonString string ? string.getString() : null;
  }

  private static JsonArray array(JsonObject object, String name) {
    return object.get(name) instanceof JsonArray array ? array : null;
  }
}
