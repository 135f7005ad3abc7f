package io.steward.agent.application.internal;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import io.steward.agent.application.AgentRegistry;
import io.steward.agent.spi.Agent;
import io.steward.agent.spi.AgentTool;
import io.steward.agent.spi.EntityRef;
import io.steward.agent.spi.ToolArguments;
import io.steward.agent.spi.ToolOutcome;
import io.steward.approval.application.ActionCatalog;
import io.steward.approval.application.ActionPolicies;
import io.steward.approval.application.Approvals;
import io.steward.approval.domain.ApprovalRequest;
import io.steward.approval.domain.ApprovalRequest.RunOrigin;
import io.steward.approval.domain.PolicyVerdict;
import io.steward.approval.domain.ProposedAction;
import io.steward.provider.application.AgentSetup;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.WorkspaceRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The tools an agent is offered, and the tool calls the model makes: each is checked; a write is
 * put to the workspace's {@link ActionPolicies action policy}, which applies it, refuses it, or
 * holds it for a person ({@link Approvals}: the model hears that it waits, and the run ends with an
 * interrupt for it); a call that runs runs in a transaction of its own ({@link ToolTransactions}).
 * Its result is written for the client and added to the conversation, with the blocks it shows. A
 * failing tool gives the model an error result, never a failed run.
 */
@ApplicationScoped
public class ToolCalls {

  static final int MAX_RESULT_CHARS = 20_000;

  private static final Logger LOG = Logger.getLogger(ToolCalls.class.getName());

  @Inject AgentRegistry registry;
  @Inject ActionPolicies policies;
  @Inject Approvals approvals;
  @Inject ActionCatalog catalog;
  @Inject ToolTransactions transactions;

  /** The agent's tools minus those its settings switch off, by name. */
  Map<String, AgentTool> offered(Agent agent, AgentSetup setup) {
    Map<String, AgentTool> tools = new LinkedHashMap<>();
    for (AgentTool tool : registry.toolsOf(agent)) {
      if (!setup.disabledTools().contains(tool.name())) {
        tools.put(tool.name(), tool);
      }
    }
    return tools;
  }

  /**
   * Runs one tool call of the acting agent, which may name only {@code offered} tools (and the
   * block tool every agent has); writes its result, adds it to the conversation and shows its
   * blocks.
   */
  void run(RunContext run, Map<String, AgentTool> offered, ToolExecutionRequest request) {
    List<JsonObject> shown = new ArrayList<>();
    String content =
        run.withheld(request.id())
            ? error("REFUSED", "The call repeated protected text and was not run.", null)
            : result(run, offered.get(request.name()), request, shown);
    AgUiWriter writer = run.writer();
    String resultId = writer.toolCallResult(request.id(), content);
    run.job().conversation().add(ToolExecutionResultMessage.from(request, content), resultId);
    shown.forEach(block -> writer.custom(Blocks.EVENT_NAME, block));
  }

  /** The tool's result for the model; blocks to show are added to {@code shown}. */
  private String result(
      RunContext run, AgentTool tool, ToolExecutionRequest request, List<JsonObject> shown) {
    JsonObject arguments;
    try (JsonReader reader = Json.createReader(new StringReader(request.arguments()))) {
      arguments = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      return error("VALIDATION", "The arguments are not a JSON object.", null);
    }
    if (Blocks.TOOL_NAME.equals(request.name())) {
      return show(run, arguments, shown);
    }
    if (tool == null) {
      return error("NOT_FOUND", "There is no tool named " + request.name() + ".", null);
    }
    if (!tool.changesData()) {
      return apply(run, tool, arguments, shown);
    }
    if (!run.job()
        .caller()
        .roleIn(run.workspace())
        .map(role -> role.includes(WorkspaceRole.MEMBER))
        .orElse(false)) {
      return error("FORBIDDEN", "Changing data needs the member role in this workspace.", null);
    }
    ProposedAction action;
    try {
      action =
          catalog.propose(
              run.workspace(), run.actor(), tool.name(), request.arguments(), run.requester());
    } catch (StewardException e) {
      return error(e.kind().name(), e.getMessage(), e.field());
    }
    PolicyVerdict verdict = policies.judge(action, run.runId());
    return switch (verdict.decision()) {
      case AUTO -> apply(run, tool, AgentActionCatalog.withoutStatements(arguments), shown);
      case DENY ->
          error(
              "DENIED",
              "The workspace's action policy does not allow this change (rule \""
                  + verdict.ruleName()
                  + "\"). Do not try to make it another way; tell the user.",
              null);
      case APPROVE -> hold(run, action, verdict, request.id());
    };
  }

  /** Holds the call for a person and tells the model it waits; the run ends with its interrupt. */
  private String hold(
      RunContext run, ProposedAction action, PolicyVerdict verdict, String toolCallId) {
    ApprovalRequest held =
        approvals.request(
            action, verdict, new RunOrigin(run.runId(), run.job().threadId(), toolCallId));
    run.hold(held.id());
    return Json.createObjectBuilder()
        .add(
            "approval",
            Json.createObjectBuilder()
                .add("id", held.id().toString())
                .add("state", "pending")
                .add("expiresAt", held.expiresAt().toString())
                .add(
                    "message",
                    "Not done yet: this change waits for a person's approval. Carry on with"
                        + " anything else you can do, and tell the user it waits for approval."))
        .build()
        .toString();
  }

  /** Runs the tool now; links to the records it changed and the blocks it returned are shown. */
  private String apply(
      RunContext run, AgentTool tool, JsonObject arguments, List<JsonObject> shown) {
    try {
      ToolOutcome outcome =
          transactions.execute(tool, new ToolArguments(run.workspace(), arguments));
      run.blocks().remember(outcome.entities());
      if (tool.changesData()) {
        for (EntityRef changed : outcome.entities()) {
          shown.add(run.blocks().entityRef(changed));
        }
      }
      for (String block : outcome.blocks()) {
        try (JsonReader reader = Json.createReader(new StringReader(block))) {
          shown.add(reader.readObject());
        }
      }
      return truncate(outcome.content());
    } catch (StewardException e) {
      return error(e.kind().name(), e.getMessage(), e.field());
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Tool " + tool.name() + " failed in run " + run.runId(), e);
      return error("INTERNAL", "The tool failed.", null);
    }
  }

  /** The block tool: shows the block the model asked for, or tells it why not. */
  private static String show(RunContext run, JsonObject arguments, List<JsonObject> shown) {
    Blocks.Outcome outcome = run.blocks().resolve(arguments);
    if (outcome.block() == null) {
      LOG.warning("Run " + run.runId() + " dropped a block: " + outcome.problem());
      return Json.createObjectBuilder()
          .add("shown", false)
          .add("reason", outcome.problem())
          .build()
          .toString();
    }
    shown.add(outcome.block());
    return Json.createObjectBuilder().add("shown", true).build().toString();
  }

  private static String error(String code, String message, String field) {
    JsonObjectBuilder error = Json.createObjectBuilder().add("code", code).add("message", message);
    if (field != null) {
      error.add("field", field);
    }
    return Json.createObjectBuilder().add("error", error).build().toString();
  }

  /** A tool's result as the model and the client get it: cut short when very long. */
  static String truncate(String content) {
    return content.length() <= MAX_RESULT_CHARS
        ? content
        : content.substring(0, MAX_RESULT_CHARS) + " …(cut)";
  }
}
