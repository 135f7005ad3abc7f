package io.steward.approval.domain;

import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * One rule of a workspace's action policy: what agent writes it matches ({@link RuleSpec}) and what
 * it decides for them. The policy asks the workspace's rules by priority, then the {@link
 * BuiltInRules built-in defaults}; the first that matches decides.
 */
@Entity
@Table(name = "action_policy_rule")
public class ActionPolicyRule extends WorkspaceRecord {

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private int priority;

  private String agents;
  private String tools;
  private String operations;

  @Column(name = "record_types")
  private String recordTypes;

  private String fields;

  @Column(name = "new_values")
  private String newValues;

  @Column(name = "amount_at_least")
  private BigDecimal amountAtLeast;

  @Column(name = "amount_currency")
  private String currency;

  @Column(name = "confidence_below")
  private Double confidenceBelow;

  private String requesters;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private PolicyDecision decision;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Deciders deciders;

  @Column(name = "expires_after_minutes")
  private Integer expiresAfterMinutes;

  /** Set on the built-in defaults, which are made in code and never stored. */
  @Transient private UUID builtInId;

  protected ActionPolicyRule() {}

  public ActionPolicyRule(WorkspaceId workspace, RuleSpec spec) {
    super(workspace);
    revise(spec);
  }

  /** A built-in default rule: the same id in every workspace. */
  static ActionPolicyRule builtIn(WorkspaceId workspace, UUID id, RuleSpec spec) {
    ActionPolicyRule rule = new ActionPolicyRule(workspace, spec);
    rule.builtInId = id;
    return rule;
  }

  /** Replaces what the rule matches and decides. */
  public void revise(RuleSpec spec) {
    this.name = spec.name();
    this.priority = spec.priority();
    this.agents = join(spec.agents(), Function.identity());
    this.tools = join(spec.tools(), Function.identity());
    this.operations = join(spec.operations(), Enum::name);
    this.recordTypes = join(spec.recordTypes(), Function.identity());
    this.fields = join(spec.fields(), Function.identity());
    this.newValues = join(spec.newValues(), Function.identity());
    this.amountAtLeast = spec.amountAtLeast();
    this.currency = spec.currency();
    this.confidenceBelow = spec.confidenceBelow();
    this.requesters = join(spec.requesters(), Enum::name);
    this.decision = spec.decision();
    this.deciders = spec.deciders();
    this.expiresAfterMinutes = spec.expiresAfterMinutes();
  }

  /** Whether the rule applies to the action; see {@link RuleSpec} for what each condition means. */
  public boolean matches(ProposedAction action) {
    RuleSpec spec = spec();
    if (!admits(spec.agents(), action.agent())
        || !admits(spec.tools(), action.tool())
        || !admits(spec.operations(), action.operation())
        || !admits(spec.recordTypes(), action.recordType())
        || !admits(spec.requesters(), action.requester().kind())) {
      return false;
    }
    if (!spec.fields().isEmpty() && !changesWatchedField(spec, action)) {
      return false;
    }
    if (spec.amountAtLeast() != null
        && (action.amount() == null
            || !spec.currency().equalsIgnoreCase(String.valueOf(action.currency()))
            || action.amount().compareTo(spec.amountAtLeast()) < 0)) {
      return false;
    }
    return spec.confidenceBelow() == null
        || action.confidence() == null
        || action.confidence() < spec.confidenceBelow();
  }

  private static boolean changesWatchedField(RuleSpec spec, ProposedAction action) {
    if (action.operation() != ActionOperation.UPDATE) {
      return false;
    }
    for (String field : spec.fields()) {
      if (action.changedFields().contains(field)
          && (spec.newValues().isEmpty()
              || spec.newValues().contains(lower(action.newValue(field))))) {
        return true;
      }
    }
    return false;
  }

  private static String lower(String value) {
    return value == null ? null : value.toLowerCase(java.util.Locale.ROOT);
  }

  private static <T> boolean admits(List<T> allowed, T value) {
    return allowed.isEmpty() || allowed.contains(value);
  }

  public RuleSpec spec() {
    return new RuleSpec(
        name,
        priority,
        split(agents, Function.identity()),
        split(tools, Function.identity()),
        split(operations, ActionOperation::valueOf),
        split(recordTypes, Function.identity()),
        split(fields, Function.identity()),
        split(newValues, Function.identity()),
        amountAtLeast,
        currency,
        confidenceBelow,
        split(requesters, RequesterKind::valueOf),
        decision,
        deciders,
        expiresAfterMinutes);
  }

  /** The id people and approval requests know the rule by. */
  public UUID ruleId() {
    return builtInId != null ? builtInId : id();
  }

  public boolean isBuiltIn() {
    return builtInId != null;
  }

  public String name() {
    return name;
  }

  public PolicyDecision decision() {
    return decision;
  }

  public Deciders deciders() {
    return deciders;
  }

  public Integer expiresAfterMinutes() {
    return expiresAfterMinutes;
  }

  @Override
  public String label() {
    return name;
  }

  @Override
  public Map<String, Object> state() {
    return state(
        "name", name,
        "priority", priority,
        "decision", decision,
        "deciders", deciders,
        "agents", agents,
        "tools", tools,
        "operations", operations,
        "recordTypes", recordTypes,
        "fields", fields,
        "newValues", newValues,
        "amountAtLeast", amountAtLeast,
        "currency", currency,
        "confidenceBelow", confidenceBelow,
        "requesters", requesters,
        "expiresAfterMinutes", expiresAfterMinutes);
  }

  private static <T> String join(List<T> values, Function<T, String> name) {
    return values.isEmpty() ? null : String.join(",", values.stream().map(name).toList());
  }

  private static <T> List<T> split(String joined, Function<String, T> parse) {
    return joined == null || joined.isEmpty()
        ? Collections.emptyList()
        : Arrays.stream(joined.split(",")).map(parse).toList();
  }
}
