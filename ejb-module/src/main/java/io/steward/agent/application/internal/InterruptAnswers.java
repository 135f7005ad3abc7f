package io.steward.agent.application.internal;

import io.steward.agent.application.RunRequest.ResumeAnswer;
import io.steward.approval.application.Approvals;
import io.steward.approval.application.Approvals.Decision;
import io.steward.approval.domain.ApprovalRequest;
import io.steward.approval.domain.ApprovalState;
import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.RuleViolationException;
import io.steward.shared.domain.StaleVersionException;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A run's {@code resume}: each answer decides the approval request its interrupt stands for,
 * exactly as deciding in the inbox does (approved calls are applied before the run starts). An
 * interrupt decided elsewhere meanwhile is skipped: the first decision stands.
 */
@ApplicationScoped
public class InterruptAnswers {

  @Inject Approvals approvals;

  /** Decides what the answers say; answers the agent the first interrupt was for, if any. */
  Optional<String> decide(WorkspaceId workspace, String threadId, List<ResumeAnswer> answers)
      throws StewardException {
    String agent = null;
    for (int i = 0; i < answers.size(); i++) {
      ResumeAnswer answer = answers.get(i);
      ApprovalRequest request = interrupt(workspace, threadId, answer, i);
      agent = agent == null ? request.agent() : agent;
      if (request.approvalState() != ApprovalState.PENDING) {
        continue;
      }
      try {
        approvals.decide(
            workspace,
            request.id(),
            answer.cancelled()
                ? Decision.CANCEL
                : answer.approved() ? Decision.APPROVE : Decision.REJECT,
            answer.comment(),
            answer.approved() ? answer.arguments() : null);
      } catch (StaleVersionException | RuleViolationException decidedMeanwhile) {
        // Decided elsewhere (or expired) since it was read: that decision stands.
      }
    }
    return Optional.ofNullable(agent);
  }

  private ApprovalRequest interrupt(
      WorkspaceId workspace, String threadId, ResumeAnswer answer, int index)
      throws StewardException {
    String field = "resume[" + index + "].interruptId";
    UUID id;
    try {
      id = UUID.fromString(answer.interruptId());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, "is not an interrupt of this thread");
    }
    ApprovalRequest request = approvals.approval(workspace, id);
    if (!threadId.equals(request.threadId())) {
      throw new InvalidInputException(field, "is not an interrupt of this thread");
    }
    return request;
  }
}
