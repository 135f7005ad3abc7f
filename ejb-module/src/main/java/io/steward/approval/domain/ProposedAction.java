package io.steward.approval.domain;

import io.steward.tenancy.domain.WorkspaceId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An agent write as the policy judges it and a person sees it: the call (agent, tool, exact
 * arguments), what it does to which record, the record before and after (for updates), the fields
 * it changes, the amount at stake (a deal's value and currency), who asked, and what the model
 * stated about it (its reason and confidence, when it gave them).
 */
public record ProposedAction(
    WorkspaceId workspace,
    String agent,
    String tool,
    String arguments,
    ActionOperation operation,
    String recordType,
    UUID recordId,
    Integer recordVersion,
    String recordLabel,
    Map<String, Object> before,
    Map<String, Object> after,
    List<String> changedFields,
    BigDecimal amount,
    String currency,
    Requester requester,
    Double confidence,
    String rationale) {

  public ProposedAction {
    changedFields = List.copyOf(changedFields);
  }

  /** The value a field takes after the change, as text (enums as the tools name them). */
  public String newValue(String field) {
    Object value = after == null ? null : after.get(field);
    return value == null ? null : value.toString();
  }
}
