package io.steward.approval.application;

import io.steward.approval.domain.ApprovalRequest;
import io.steward.approval.domain.ApprovalRequest.RunOrigin;
import io.steward.approval.domain.ApprovalState;
import io.steward.approval.domain.Oversight;
import io.steward.approval.domain.PolicyVerdict;
import io.steward.approval.domain.ProposedAction;
import io.steward.approval.domain.RequesterKind;
import io.steward.shared.application.Paging.PageRequest;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.RecordPage;
import io.steward.tenancy.domain.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The approvals inbox: requests for agent writes the policy holds, across every thread, decided
 * here or from a chat (the same operation), applied exactly once.
 */
public interface Approvals {

  int MAX_BATCH = 100;

  /** Holds a run's action for a person, in a transaction of its own. */
  ApprovalRequest request(ProposedAction action, PolicyVerdict verdict, RunOrigin origin);

  /** Members with write access see the inbox. */
  RecordPage<ApprovalRequest> approvals(WorkspaceId workspace, Filter filter, PageRequest page)
      throws StewardException;

  ApprovalRequest approval(WorkspaceId workspace, UUID id) throws StewardException;

  /**
   * Decides a pending request as the caller (who must be one of its deciders); the first decision
   * wins and a concurrent one gets CONFLICT. An approved call is applied before this answers, with
   * {@code arguments} (JSON, null: as proposed) replacing the proposed ones after the same checks.
   */
  ApprovalRequest decide(
      WorkspaceId workspace, UUID id, Decision decision, String comment, String arguments)
      throws StewardException;

  /** Decides many, each on its own: an answer per item, in order. */
  List<Outcome> decideAll(WorkspaceId workspace, List<Item> items) throws StewardException;

  /** The run's requests still waiting for a person. */
  List<ApprovalRequest> pendingOf(WorkspaceId workspace, String runId);

  /**
   * The thread's requests that have ended since a run last told the agent about them; from now on
   * they count as told.
   */
  List<ApprovalRequest> takeEnded(WorkspaceId workspace, String threadId);

  /** The agent writes of a period and what people did about them; admins and owners only. */
  Oversight oversight(WorkspaceId workspace, Instant from, Instant to) throws StewardException;

  enum Decision {
    APPROVE,
    REJECT,
    CANCEL
  }

  /** What the inbox lists; empty lists and nulls match anything. */
  record Filter(
      List<ApprovalState> states,
      List<String> agents,
      List<String> tools,
      List<String> requestedBy,
      List<RequesterKind> requesterKinds,
      boolean decidableByMe) {

    public Filter {
      states = present(states);
      agents = present(agents);
      tools = present(tools);
      requestedBy = present(requestedBy);
      requesterKinds = present(requesterKinds);
    }

    /** Null entries match nothing a person could mean and are dropped. */
    private static <T> List<T> present(List<T> values) {
      return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }
  }

  /** One decision of a batch. */
  record Item(UUID id, Decision decision, String comment, String arguments) {}

  /** How one decision of a batch went: the request as it is now, or why it was refused. */
  record Outcome(UUID id, ApprovalRequest approval, StewardException failure) {}
}
