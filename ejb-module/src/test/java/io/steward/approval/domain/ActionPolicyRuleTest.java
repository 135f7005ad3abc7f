package io.steward.approval.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steward.shared.domain.InvalidInputException;
import io.steward.tenancy.domain.WorkspaceId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Tests what action policy rules match and decide: each condition, the built-in defaults in their
 * order, and the refusal of rules that could not mean what they seem to.
 */
class ActionPolicyRuleTest {

  private static final WorkspaceId WORKSPACE = new WorkspaceId(UUID.randomUUID());

  @Test
  void should_decide_by_the_built_in_defaults_as_documented() {
    assertEquals("Reads apply", decided(action("list_tasks", ActionOperation.READ)));
    assertEquals(
        PolicyDecision.AUTO, verdict(action("create_task", ActionOperation.CREATE)).decision());
    assertEquals(
        "Deletes wait for a person", decided(action("delete_task", ActionOperation.DELETE)));
    assertEquals(
        "Closing a deal waits for a person",
        decided(dealMove("won", RequesterKind.CHAT, new BigDecimal("10"))));
    assertEquals(
        PolicyDecision.AUTO,
        verdict(dealMove("qualified", RequesterKind.CHAT, new BigDecimal("10"))).decision());
    assertEquals(
        "Writes nobody watches wait for a person",
        decided(dealMove("qualified", RequesterKind.SCHEDULE, new BigDecimal("10"))));
    ProposedAction member =
        new ProposedAction(
            WORKSPACE,
            "admin",
            "add_member",
            "{}",
            ActionOperation.CREATE,
            "member",
            null,
            null,
            null,
            null,
            Map.of(),
            List.of(),
            null,
            null,
            Requester.chatting("u"),
            null,
            null);
    assertEquals(Deciders.ADMINS, verdict(member).deciders());
  }

  @Test
  void should_let_a_workspace_rule_come_before_the_defaults() {
    ActionPolicyRule own =
        new ActionPolicyRule(
            WORKSPACE, spec(List.of("delete_task"), null, null, null, PolicyDecision.AUTO));

    PolicyVerdict verdict =
        PolicyVerdict.of(rulesWith(own), action("delete_task", ActionOperation.DELETE));

    assertEquals(PolicyDecision.AUTO, verdict.decision());
    assertEquals(own.ruleId().toString(), verdict.ruleId());
  }

  @Test
  void should_match_a_deal_value_at_or_above_the_amount_in_its_currency_only() {
    ActionPolicyRule large =
        new ActionPolicyRule(
            WORKSPACE, spec(List.of(), new BigDecimal("5000"), "EUR", null, PolicyDecision.DENY));

    assertTrue(large.matches(dealMove("qualified", RequesterKind.CHAT, new BigDecimal("5000"))));
    assertFalse(
        large.matches(dealMove("qualified", RequesterKind.CHAT, new BigDecimal("4999.99"))));
    ProposedAction dollars =
        new ProposedAction(
            WORKSPACE,
            "crm",
            "move_deal",
            "{}",
            ActionOperation.UPDATE,
            "deal",
            UUID.randomUUID(),
            1,
            "Big",
            Map.of(),
            Map.of("stage", "qualified"),
            List.of("stage"),
            new BigDecimal("9000"),
            "USD",
            Requester.chatting("u"),
            null,
            null);
    assertFalse(large.matches(dollars));
  }

  @Test
  void should_count_a_call_without_a_stated_confidence_as_not_confident() {
    ActionPolicyRule unsure =
        new ActionPolicyRule(WORKSPACE, spec(List.of(), null, null, 0.8, PolicyDecision.APPROVE));

    assertTrue(unsure.matches(withConfidence(0.5)));
    assertFalse(unsure.matches(withConfidence(0.8)));
    assertTrue(unsure.matches(withConfidence(null)));
  }

  @Test
  void should_hold_what_no_rule_foresaw_for_admins() {
    PolicyVerdict verdict =
        PolicyVerdict.of(List.of(), action("create_task", ActionOperation.CREATE));

    assertEquals(PolicyDecision.APPROVE, verdict.decision());
    assertEquals(Deciders.ADMINS, verdict.deciders());
    assertNull(verdict.rule());
  }

  @Test
  void should_refuse_rules_that_could_not_mean_what_they_seem_to() {
    PolicyDecision auto = PolicyDecision.AUTO;
    BigDecimal one = BigDecimal.ONE;
    assertField("priority", rule(1000, null, null, null, null, null, auto, null));
    assertField("newValues", rule(1, null, List.of("won"), null, null, null, auto, null));
    assertField("currency", rule(1, null, null, one, null, null, auto, null));
    assertField("currency", rule(1, null, null, one, "EURO", null, auto, null));
    assertField("confidenceBelow", rule(1, null, null, null, null, 1.5, auto, null));
    assertField("tools", rule(1, List.of("no spaces"), null, null, null, null, auto, null));
    assertField("expiresAfterMinutes", rule(1, null, null, null, null, null, auto, 0));
    assertField("decision", rule(1, null, null, null, null, null, null, null));
  }

  private static void assertField(String field, RuleSpec spec) {
    assertEquals(field, assertThrows(InvalidInputException.class, spec::validate).field());
  }

  private static String decided(ProposedAction action) {
    return verdict(action).ruleName();
  }

  private static PolicyVerdict verdict(ProposedAction action) {
    return PolicyVerdict.of(BuiltInRules.of(WORKSPACE), action);
  }

  private static List<ActionPolicyRule> rulesWith(ActionPolicyRule own) {
    List<ActionPolicyRule> rules = new java.util.ArrayList<>(List.of(own));
    rules.addAll(BuiltInRules.of(WORKSPACE));
    return rules;
  }

  private static RuleSpec spec(
      List<String> tools,
      BigDecimal amount,
      String currency,
      Double confidenceBelow,
      PolicyDecision decision) {
    return rule(1, tools, null, amount, currency, confidenceBelow, decision, null);
  }

  /** A rule named "own" with the conditions given (null: any) and no others. */
  private static RuleSpec rule(
      int priority,
      List<String> tools,
      List<String> newValues,
      BigDecimal amount,
      String currency,
      Double confidenceBelow,
      PolicyDecision decision,
      Integer expiresAfterMinutes) {
    return new RuleSpec(
        "own",
        priority,
        null,
        tools,
        null,
        null,
        null,
        newValues,
        amount,
        currency,
        confidenceBelow,
        null,
        decision,
        null,
        expiresAfterMinutes);
  }

  private static ProposedAction action(String tool, ActionOperation operation) {
    return new ProposedAction(
        WORKSPACE,
        "task",
        tool,
        "{}",
        operation,
        "task",
        null,
        null,
        null,
        null,
        Map.of(),
        List.of(),
        null,
        null,
        Requester.chatting("u"),
        null,
        null);
  }

  private static ProposedAction withConfidence(Double confidence) {
    return new ProposedAction(
        WORKSPACE,
        "task",
        "create_task",
        "{}",
        ActionOperation.CREATE,
        "task",
        null,
        null,
        null,
        null,
        Map.of("title", "x"),
        List.of("title"),
        null,
        null,
        Requester.chatting("u"),
        confidence,
        null);
  }

  private static ProposedAction dealMove(String stage, RequesterKind kind, BigDecimal value) {
    return new ProposedAction(
        WORKSPACE,
        "crm",
        "move_deal",
        "{}",
        ActionOperation.UPDATE,
        "deal",
        UUID.randomUUID(),
        1,
        "Big",
        Map.of("stage", "lead"),
        Map.of("stage", stage),
        List.of("stage"),
        value,
        "EUR",
        new Requester(kind, "u", kind == RequesterKind.CHAT ? null : "ref"),
        null,
        null);
  }
}
