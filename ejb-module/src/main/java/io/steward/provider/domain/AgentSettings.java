package io.steward.provider.domain;

import io.steward.tenancy.domain.WorkspaceId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * How one agent works in a workspace: the provider and model it prefers, tools switched off,
 * instructions (persona) the admins add to its prompt, and its own monthly token budget.
 */
@Entity
@Table(name = "agent_settings")
public class AgentSettings {

  public static final int INSTRUCTIONS_MAX_LENGTH = 8000;

  @Id private UUID id;

  @Column(name = "workspace_id", nullable = false, updatable = false)
  private UUID workspaceId;

  @Column(nullable = false, updatable = false)
  private String agent;

  @Column(name = "provider_id")
  private UUID providerId;

  private String model;

  @Column(name = "disabled_tools", nullable = false)
  private String disabledTools = "";

  private String instructions;

  @Column(name = "monthly_token_budget")
  private Long monthlyTokenBudget;

  @Version private int version;

  protected AgentSettings() {}

  public AgentSettings(WorkspaceId workspace, String agent) {
    this.id = UUID.randomUUID();
    this.workspaceId = workspace.value();
    this.agent = agent;
  }

  public void change(
      UUID providerId,
      String model,
      List<String> disabledTools,
      String instructions,
      Long monthlyTokenBudget) {
    this.providerId = providerId;
    this.model = model;
    this.disabledTools = String.join(",", disabledTools);
    this.instructions = instructions;
    this.monthlyTokenBudget = monthlyTokenBudget;
  }

  public void forgetProvider(UUID provider) {
    if (provider.equals(providerId)) {
      providerId = null;
      model = null;
    }
  }

  public String agent() {
    return agent;
  }

  public UUID providerId() {
    return providerId;
  }

  /** The model of the preferred provider; null: that provider's default model. */
  public String model() {
    return model;
  }

  public List<String> disabledTools() {
    return disabledTools.isEmpty() ? List.of() : Arrays.asList(disabledTools.split(","));
  }

  public String instructions() {
    return instructions;
  }

  public Long monthlyTokenBudget() {
    return monthlyTokenBudget;
  }

  public int version() {
    return version;
  }
}
