package io.steward.agent.application.internal;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import io.steward.approval.application.Approvals;
import io.steward.approval.domain.ApprovalRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A run's side of approvals. At its start the agent hears how the thread's held writes ended
 * (decided in this run's resume, in the inbox, or expired). At its end, the writes of the run still
 * waiting become its interrupts.
 */
@ApplicationScoped
public class RunApprovals {

  /** What a person answers to approve: the {@code payload} of a resume entry. */
  static final JsonObject RESPONSE_SCHEMA =
      Json.createObjectBuilder()
          .add("type", "object")
          .add(
              "properties",
              Json.createObjectBuilder()
                  .add("approved", Json.createObjectBuilder().add("type", "boolean"))
                  .add("comment", Json.createObjectBuilder().add("type", "string"))
                  .add(
                      "arguments",
                      Json.createObjectBuilder()
                          .add("type", "object")
                          .add("description", "The call's arguments, edited, to apply instead")))
          .add("required", Json.createArrayBuilder().add("approved"))
          .build();

  /** The ids of the calls the agent sees as made again once decided (letters, digits, "_-"). */
  static final String DECIDED_CALL_PREFIX = "decided_";

  @Inject Approvals approvals;

  /**
   * Tells the client and the agent how the thread's held writes ended since they last heard: the
   * client gets each original tool call's real result; the agent sees the calls made again with
   * their outcomes, as if it had just made them (so any model, the offline one too, answers from
   * them as from any tool result).
   */
  void reportEnded(RunContext run) {
    List<ApprovalRequest> ended = approvals.takeEnded(run.workspace(), run.job().threadId());
    if (ended.isEmpty()) {
      return;
    }
    List<ToolExecutionRequest> calls = new ArrayList<>();
    List<String> contents = new ArrayList<>();
    List<String> resultIds = new ArrayList<>();
    for (ApprovalRequest request : ended) {
      String content = outcome(request).toString();
      resultIds.add(run.writer().toolCallResult(request.toolCallId(), content));
      contents.add(content);
      calls.add(
          ToolExecutionRequest.builder()
              .id(DECIDED_CALL_PREFIX + request.id())
              .name(request.tool())
              .arguments(request.argumentsToApply())
              .build());
    }
    Conversation conversation = run.job().conversation();
    conversation.add(AiMessage.from(calls), DECIDED_CALL_PREFIX + UUID.randomUUID());
    for (int i = 0; i < calls.size(); i++) {
      conversation.add(
          ToolExecutionResultMessage.from(calls.get(i), contents.get(i)), resultIds.get(i));
    }
  }

  private static JsonObject outcome(ApprovalRequest ended) {
    JsonObjectBuilder approval =
        Json.createObjectBuilder()
            .add("id", ended.id().toString())
            .add("state", ended.approvalState().name().toLowerCase(Locale.ROOT));
    if (ended.comment() != null) {
      approval.add("comment", ended.comment());
    }
    if (ended.edited()) {
      approval.add("appliedWithEdits", true);
    }
    if (ended.failureReason() != null) {
      approval.add("reason", ended.failureReason());
    }
    if (ended.result() != null) {
      approval.add("result", ended.result());
    }
    return Json.createObjectBuilder().add("approval", approval).build();
  }

  /** The run's writes still waiting for a person, as AG-UI interrupts; empty when none wait. */
  JsonArray interrupts(RunContext run) {
    JsonArrayBuilder interrupts = Json.createArrayBuilder();
    if (!run.holding()) {
      return interrupts.build();
    }
    List<ApprovalRequest> pending = approvals.pendingOf(run.workspace(), run.runId());
    for (ApprovalRequest request : pending) {
      interrupts.add(
          Json.createObjectBuilder()
              .add("id", request.id().toString())
              .add("reason", "approval_required")
              .add("message", message(request))
              .add("toolCallId", request.toolCallId())
              .add("expiresAt", request.expiresAt().toString())
              .add("responseSchema", RESPONSE_SCHEMA));
    }
    return interrupts.build();
  }

  private static String message(ApprovalRequest request) {
    String what =
        request.recordLabel() == null
            ? request.tool()
            : request.tool() + " on " + request.recordType() + " \"" + request.recordLabel() + "\"";
    return request.agent()
        + " wants to "
        + what
        + (request.rationale() == null ? "" : ": " + request.rationale());
  }
}
