package io.steward.agent.application.internal;

import dev.langchain4j.data.message.UserMessage;
import io.steward.approval.application.Approvals;
import io.steward.approval.domain.ApprovalRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Locale;

/**
 * A run's side of approvals. At its start the agent hears how the thread's held writes ended
 * (decided in this run's resume, in the inbox, or expired): each tool call gets its real result,
 * for the client as {@code TOOL_CALL_RESULT} and for the model in the conversation. At its end, the
 * writes of the run still waiting become its interrupts.
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

  @Inject Approvals approvals;

  /** Tells the client and the agent how the thread's held writes ended since they last heard. */
  void reportEnded(RunContext run) {
    for (ApprovalRequest ended : approvals.takeEnded(run.workspace(), run.job().threadId())) {
      String content = outcome(ended).toString();
      String resultId = run.writer().toolCallResult(ended.toolCallId(), content);
      run.job()
          .conversation()
          .add(
              UserMessage.from(
                  "[Steward] The change you asked for in tool call "
                      + ended.toolCallId()
                      + " ("
                      + ended.tool()
                      + ") has been decided: "
                      + content),
              resultId);
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
