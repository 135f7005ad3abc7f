package io.steward.approval.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.steward.approval.domain.ApprovalRequest.ActionJson;
import io.steward.approval.domain.ApprovalRequest.RunOrigin;
import io.steward.shared.domain.RuleViolationException;
import io.steward.tenancy.domain.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Tests the state machine of approval requests: every transition starts from its one state. */
class ApprovalRequestTest {

  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

  @Test
  void should_go_from_pending_to_applied_through_approved_and_applying() throws Exception {
    ApprovalRequest request = pending();

    request.approve("bob", "fine", "{\"taskId\":\"t\",\"title\":\"Edited\"}", NOW);
    request.claim("node-1");
    request.applied("{}", NOW);

    assertEquals(ApprovalState.APPLIED, request.approvalState());
    assertEquals("{\"taskId\":\"t\",\"title\":\"Edited\"}", request.argumentsToApply());
    assertEquals(true, request.edited());
  }

  @Test
  void should_let_only_the_first_decision_stand() throws Exception {
    ApprovalRequest request = pending();
    request.reject("bob", "no", NOW);

    assertThrows(RuleViolationException.class, () -> request.approve("carol", null, null, NOW));
    assertThrows(RuleViolationException.class, () -> request.cancel("alice", null, NOW));
    assertThrows(RuleViolationException.class, () -> request.claim("node-1"));
    assertEquals(ApprovalState.REJECTED, request.approvalState());
  }

  @Test
  void should_refuse_a_decision_once_the_request_is_due() {
    ApprovalRequest request = pending();

    assertThrows(
        RuleViolationException.class,
        () -> request.approve("bob", null, null, NOW.plusSeconds(3600)));
    assertEquals(ApprovalState.PENDING, request.approvalState());
  }

  @Test
  void should_fail_an_approved_request_with_its_reason_and_never_apply_it_after() throws Exception {
    ApprovalRequest request = pending();
    request.approve("bob", null, null, NOW);
    request.claim("node-1");
    request.fail("The task was changed by someone else", NOW);

    assertEquals(ApprovalState.FAILED, request.approvalState());
    assertEquals("The task was changed by someone else", request.failureReason());
    assertThrows(RuleViolationException.class, () -> request.applied("{}", NOW));
    assertThrows(RuleViolationException.class, () -> request.claim("node-2"));
  }

  @Test
  void should_let_a_claim_be_taken_over_after_a_crash() throws Exception {
    ApprovalRequest request = pending();
    request.approve("bob", null, null, NOW);
    request.claim("node-1");

    request.claim("node-2");

    assertEquals("node-2", request.claimedBy());
    assertEquals(ApprovalState.APPLYING, request.approvalState());
  }

  private static ApprovalRequest pending() {
    ProposedAction action =
        new ProposedAction(
            new WorkspaceId(UUID.randomUUID()),
            "task",
            "update_task",
            "{\"taskId\":\"t\",\"title\":\"New\"}",
            ActionOperation.UPDATE,
            "task",
            UUID.randomUUID(),
            3,
            "Old",
            Map.of("title", "Old"),
            Map.of("title", "New"),
            List.of("title"),
            null,
            null,
            Requester.chatting("alice"),
            0.4,
            "Clearer");
    return new ApprovalRequest(
        action,
        new PolicyVerdict(PolicyDecision.APPROVE, null),
        "hash",
        new ActionJson("{}", "{}"),
        new RunOrigin("run-1", "thread-1", "call-1"),
        NOW.plusSeconds(60));
  }
}
