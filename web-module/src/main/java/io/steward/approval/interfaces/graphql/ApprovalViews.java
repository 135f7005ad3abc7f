package io.steward.approval.interfaces.graphql;

import io.steward.approval.application.Approvals.Outcome;
import io.steward.approval.domain.ApprovalRequest;
import io.steward.approval.domain.Oversight;
import io.steward.approval.interfaces.graphql.ApprovalEnums.ActionOperation;
import io.steward.approval.interfaces.graphql.ApprovalEnums.ApprovalDecision;
import io.steward.approval.interfaces.graphql.ApprovalEnums.ApprovalState;
import io.steward.approval.interfaces.graphql.ApprovalEnums.Deciders;
import io.steward.approval.interfaces.graphql.ApprovalEnums.RequesterKind;
import io.steward.shared.interfaces.graphql.Enums;
import io.steward.shared.interfaces.graphql.PageInfo;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** The GraphQL types of the approvals inbox and the oversight figures. */
public final class ApprovalViews {

  private ApprovalViews() {}

  @Name("Approval")
  @Description(
      "An agent write held for a person: the exact call and a hash of it, why, the change as"
          + " before/after, who asked, where it came from, and how it was decided and applied")
  public record ApprovalView(
      @NonNull @Id String id,
      @NonNull ApprovalState state,
      @NonNull String agent,
      @NonNull String tool,
      @NonNull ActionOperation operation,
      @NonNull @Description("The call's arguments as proposed, a JSON object") String arguments,
      @NonNull @Description("SHA-256 of the arguments as proposed, hex") String argumentsHash,
      @Description("The arguments the decider approved instead, JSON") String editedArguments,
      @Description("Why the model makes the change, as it said") String reason,
      @Description("The model's stated confidence, 0 to 1") Double confidence,
      String recordType,
      @Id String recordId,
      @Description("The record's version when the change was proposed") Integer recordVersion,
      String recordLabel,
      @Description("The record before the change, JSON") String before,
      @Description("The record after the change (what a create makes), JSON") String after,
      @NonNull List<@NonNull String> changedFields,
      @NonNull RequesterKind requesterKind,
      @NonNull @Description("The person on whose behalf, and with whose rights, it is made")
          String requestedBy,
      @Description("The schedule, trigger or outside agent that asked, if not a chat")
          String requesterRef,
      String runId,
      String threadId,
      String toolCallId,
      @NonNull @Description("The rule that held it") String ruleName,
      @NonNull Deciders deciders,
      @NonNull OffsetDateTime requestedAt,
      @NonNull OffsetDateTime expiresAt,
      String decidedBy,
      OffsetDateTime decidedAt,
      String comment,
      @Description("What the applied call answered, JSON") String result,
      @Description("Why it failed: nothing of it was applied") String failureReason,
      OffsetDateTime finishedAt,
      @NonNull int version) {

    ApprovalView(ApprovalRequest request) {
      this(
          request.id().toString(),
          Enums.convert(request.approvalState(), ApprovalState.class),
          request.agent(),
          request.tool(),
          Enums.convert(request.operation(), ActionOperation.class),
          request.arguments(),
          request.argumentsHash(),
          request.editedArguments(),
          request.rationale(),
          request.confidence(),
          request.recordType(),
          request.recordId() == null ? null : request.recordId().toString(),
          request.recordVersion(),
          request.recordLabel(),
          request.beforeState(),
          request.afterState(),
          request.changedFields(),
          Enums.convert(request.requesterKind(), RequesterKind.class),
          request.requestedBy(),
          request.requesterRef(),
          request.runId(),
          request.threadId(),
          request.toolCallId(),
          request.ruleName(),
          Enums.convert(request.deciders(), Deciders.class),
          utc(request.createdAt()),
          utc(request.expiresAt()),
          request.decidedBy(),
          utc(request.decidedAt()),
          request.comment(),
          request.result(),
          request.failureReason(),
          utc(request.finishedAt()),
          request.version());
    }
  }

  static OffsetDateTime utc(java.time.Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  // Lists without @NonNull, as in ActionPolicyInput: absent lists must stay allowed.
  @Input("ApprovalFilter")
  @Description("Absent fields match anything")
  public record FilterInput(
      List<ApprovalState> states,
      List<String> agents,
      List<String> tools,
      @Description("User ids of the people on whose behalf") List<String> requestedBy,
      List<RequesterKind> requesterKinds,
      @Description("Only pending requests the caller may decide") Boolean decidableByMe) {}

  @Name("ApprovalConnection")
  @Description("A page of approval requests, newest first")
  public record Approvals(
      @NonNull List<@NonNull ApprovalEdge> edges, @NonNull PageInfo pageInfo, int totalCount) {}

  @Name("ApprovalEdge")
  public record ApprovalEdge(@NonNull String cursor, @NonNull ApprovalView node) {}

  @Input("ApprovalDecisionInput")
  public record DecisionInput(
      @NonNull @Id String id,
      @NonNull ApprovalDecision decision,
      String comment,
      @Description("To approve with edits: the arguments to apply instead, a JSON object")
          String arguments) {}

  @Name("ApprovalDecisionResult")
  @Description("How one decision of a batch went: the request as it is now, or the error")
  public record DecisionResultView(
      @NonNull @Id String id, ApprovalView approval, DecisionErrorView error) {

    DecisionResultView(Outcome outcome) {
      this(
          outcome.id().toString(),
          outcome.approval() == null ? null : new ApprovalView(outcome.approval()),
          outcome.failure() == null
              ? null
              : new DecisionErrorView(
                  outcome.failure().kind().name(),
                  outcome.failure().getMessage(),
                  outcome.failure().field()));
    }
  }

  @Name("ApprovalDecisionError")
  @Description("Why a decision of a batch was refused; code as in GraphQL errors")
  public record DecisionErrorView(@NonNull String code, @NonNull String message, String field) {}

  @Name("Oversight")
  @Description(
      "How much of a period's agent work people had to look at: every agent write the policy"
          + " decided, by how it ended, with shares of the total; how long requests waited for a"
          + " decision; and who decided how many")
  public record OversightView(
      @NonNull int total,
      @NonNull OversightCount autoApplied,
      @NonNull OversightCount approved,
      @NonNull OversightCount approvedWithEdits,
      @NonNull OversightCount rejected,
      @NonNull OversightCount expired,
      @NonNull OversightCount cancelled,
      @NonNull OversightCount denied,
      @NonNull OversightCount pending,
      @Description("Seconds from request to decision, median; absent when none was decided")
          Long medianSecondsToDecision,
      @Description("Seconds from request to decision, 90th percentile") Long p90SecondsToDecision,
      @NonNull List<@NonNull PersonDecisionsView> decisionsByPerson) {

    OversightView(Oversight figures) {
      this(
          Math.toIntExact(figures.total()),
          count(figures, figures.autoApplied()),
          count(figures, figures.approved()),
          count(figures, figures.approvedWithEdits()),
          count(figures, figures.rejected()),
          count(figures, figures.expired()),
          count(figures, figures.cancelled()),
          count(figures, figures.denied()),
          count(figures, figures.pending()),
          seconds(figures.medianTimeToDecision()),
          seconds(figures.p90TimeToDecision()),
          figures.decisionsByPerson().stream()
              .map(p -> new PersonDecisionsView(p.userId(), Math.toIntExact(p.decisions())))
              .toList());
    }

    private static OversightCount count(Oversight figures, long count) {
      return new OversightCount(Math.toIntExact(count), figures.share(count));
    }

    private static Long seconds(Duration duration) {
      return duration == null ? null : duration.toSeconds();
    }
  }

  @Name("OversightCount")
  public record OversightCount(
      @NonNull int count, @NonNull @Description("Part of the total, 0 to 1") double share) {}

  @Name("PersonDecisions")
  public record PersonDecisionsView(@NonNull String userId, @NonNull int decisions) {}
}
