package io.steward.approval.interfaces.graphql;

import io.steward.approval.application.ActionPolicies.Simulation;
import io.steward.approval.domain.ActionPolicyRule;
import io.steward.approval.domain.ProposedAction;
import io.steward.approval.domain.RuleSpec;
import io.steward.approval.interfaces.graphql.ApprovalEnums.ActionOperation;
import io.steward.approval.interfaces.graphql.ApprovalEnums.Deciders;
import io.steward.approval.interfaces.graphql.ApprovalEnums.PolicyDecision;
import io.steward.approval.interfaces.graphql.ApprovalEnums.RequesterKind;
import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.interfaces.graphql.Enums;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** The GraphQL types of action policies and the simulator. */
public final class PolicyViews {

  static final Jsonb JSON = JsonbBuilder.create();

  private PolicyViews() {}

  @Name("ActionPolicy")
  @Description(
      "A rule of the workspace's action policy. The workspace's own rules are asked by priority,"
          + " then the built-in defaults; the first that matches decides. Empty lists match"
          + " anything.")
  public record PolicyView(
      @NonNull @Id String id,
      @NonNull String name,
      @NonNull @Description("Lower first; the built-in defaults come after 999") int priority,
      @NonNull @Description("Made by Steward: cannot be changed or removed, only overridden")
          boolean builtIn,
      @NonNull List<@NonNull String> agents,
      @NonNull List<@NonNull String> tools,
      @NonNull List<@NonNull ActionOperation> operations,
      @NonNull List<@NonNull String> recordTypes,
      @NonNull @Description("Matches updates that change any of these fields")
          List<@NonNull String> fields,
      @NonNull @Description("Matches only when one of the fields is set to one of these values")
          List<@NonNull String> newValues,
      @Description("Matches records whose value in the currency is at least this")
          BigDecimal amountAtLeast,
      String currency,
      @Description(
              "Matches calls whose stated confidence is below this; a call stating none matches")
          Double confidenceBelow,
      @NonNull List<@NonNull RequesterKind> requesters,
      @NonNull PolicyDecision decision,
      @NonNull Deciders deciders,
      @Description("How long its approval requests may wait; absent: the workspace default")
          Integer expiresAfterMinutes,
      @Description("Absent for built-in rules") Integer version) {

    PolicyView(ActionPolicyRule rule) {
      this(rule, rule.spec());
    }

    private PolicyView(ActionPolicyRule rule, RuleSpec spec) {
      this(
          rule.ruleId().toString(),
          spec.name(),
          spec.priority(),
          rule.isBuiltIn(),
          spec.agents(),
          spec.tools(),
          Enums.convertAll(spec.operations(), ActionOperation.class),
          spec.recordTypes(),
          spec.fields(),
          spec.newValues(),
          spec.amountAtLeast(),
          spec.currency(),
          spec.confidenceBelow(),
          Enums.convertAll(spec.requesters(), RequesterKind.class),
          Enums.convert(spec.decision(), PolicyDecision.class),
          Enums.convert(spec.deciders(), Deciders.class),
          spec.expiresAfterMinutes(),
          rule.isBuiltIn() ? null : rule.version());
    }
  }

  // Lists without @NonNull: on a record component SmallRye reads List<@NonNull T> as a required
  // list, and absent lists must stay allowed here.
  @Input("ActionPolicyInput")
  @Description("A rule; absent lists match anything")
  public record PolicyInput(
      @NonNull String name,
      @NonNull @Description("0 to 999, lower first") int priority,
      List<String> agents,
      List<String> tools,
      List<ActionOperation> operations,
      List<String> recordTypes,
      List<String> fields,
      List<String> newValues,
      BigDecimal amountAtLeast,
      String currency,
      Double confidenceBelow,
      List<RequesterKind> requesters,
      @NonNull PolicyDecision decision,
      @Description("Absent: WRITERS") Deciders deciders,
      Integer expiresAfterMinutes) {

    RuleSpec spec() throws InvalidInputException {
      return new RuleSpec(
          name,
          priority,
          agents,
          tools,
          Enums.convertAll(operations, io.steward.approval.domain.ActionOperation.class),
          recordTypes,
          fields,
          newValues,
          amountAtLeast,
          currency,
          confidenceBelow,
          Enums.convertAll(requesters, io.steward.approval.domain.RequesterKind.class),
          Enums.convert(decision, io.steward.approval.domain.PolicyDecision.class),
          Enums.convert(deciders, io.steward.approval.domain.Deciders.class),
          expiresAfterMinutes);
    }
  }

  @Name("ProposedAction")
  @Description("An agent write as the policy judges it and a person sees it")
  public record ActionView(
      @NonNull String agent,
      @NonNull String tool,
      @NonNull @Description("The call's arguments, a JSON object") String arguments,
      @NonNull ActionOperation operation,
      String recordType,
      @Id String recordId,
      Integer recordVersion,
      String recordLabel,
      @Description("The record before the change, JSON") String before,
      @Description("The record after the change (what a create makes), JSON") String after,
      @NonNull List<@NonNull String> changedFields,
      BigDecimal amount,
      String currency,
      @NonNull RequesterKind requesterKind,
      @Description("The model's stated confidence, 0 to 1") Double confidence,
      @Description("Why the model makes the change, as it said") String reason) {

    ActionView(ProposedAction action) {
      this(
          action.agent(),
          action.tool(),
          action.arguments(),
          Enums.convert(action.operation(), ActionOperation.class),
          action.recordType(),
          action.recordId() == null ? null : action.recordId().toString(),
          action.recordVersion(),
          action.recordLabel(),
          action.before() == null ? null : JSON.toJson(action.before()),
          action.after() == null ? null : JSON.toJson(action.after()),
          action.changedFields(),
          action.amount(),
          action.currency(),
          Enums.convert(action.requester().kind(), RequesterKind.class),
          action.confidence(),
          action.rationale());
    }
  }

  @Name("ActionPolicySimulation")
  @Description("What the policy would decide for a proposed call, and which rule decided")
  public record SimulationView(
      @NonNull PolicyDecision decision,
      @Description("Absent when no rule matched (then a person approves)") PolicyView rule,
      @NonNull Deciders deciders,
      @NonNull ActionView action) {

    SimulationView(Simulation simulation) {
      this(
          Enums.convert(simulation.verdict().decision(), PolicyDecision.class),
          simulation.verdict().rule() == null ? null : new PolicyView(simulation.verdict().rule()),
          Enums.convert(simulation.verdict().deciders(), Deciders.class),
          new ActionView(simulation.action()));
    }
  }
}
