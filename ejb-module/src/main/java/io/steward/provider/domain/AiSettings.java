package io.steward.provider.domain;

import io.steward.tenancy.domain.WorkspaceId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;

/**
 * A workspace's model settings: its default provider (none: the installation's model), its monthly
 * token budget (none: unlimited) and whether members may pick a model per run (admins always may).
 */
@Entity
@Table(name = "workspace_ai_settings")
public class AiSettings {

  @Id
  @Column(name = "workspace_id")
  private UUID workspaceId;

  @Column(name = "default_provider_id")
  private UUID defaultProviderId;

  @Column(name = "monthly_token_budget")
  private Long monthlyTokenBudget;

  @Column(name = "members_may_choose_model", nullable = false)
  private boolean membersMayChooseModel;

  @Version private int version;

  protected AiSettings() {}

  public AiSettings(WorkspaceId workspace) {
    this.workspaceId = workspace.value();
  }

  public void change(UUID defaultProviderId, Long monthlyTokenBudget, boolean membersMayChoose) {
    this.defaultProviderId = defaultProviderId;
    this.monthlyTokenBudget = monthlyTokenBudget;
    this.membersMayChooseModel = membersMayChoose;
  }

  public void forgetProvider(UUID providerId) {
    if (providerId.equals(defaultProviderId)) {
      defaultProviderId = null;
    }
  }

  public UUID defaultProviderId() {
    return defaultProviderId;
  }

  public Long monthlyTokenBudget() {
    return monthlyTokenBudget;
  }

  public boolean membersMayChooseModel() {
    return membersMayChooseModel;
  }

  public int version() {
    return version;
  }
}
