package io.steward.provider.domain;

import io.steward.tenancy.domain.WorkspaceId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The tokens one model call used: from the provider's usage figures, or estimated (about four
 * characters a token) when the provider gave none.
 */
@Entity
@Table(name = "model_usage")
public class ModelUsage {

  @Id private UUID id;

  @Column(name = "workspace_id", nullable = false, updatable = false)
  private UUID workspaceId;

  @Column(updatable = false)
  private UUID run;

  @Column(nullable = false, updatable = false)
  private String agent;

  @Column(nullable = false, updatable = false)
  private String model;

  @Column(name = "provider_id", updatable = false)
  private UUID providerId;

  @Column(name = "user_id", nullable = false, updatable = false)
  private String userId;

  @Column(name = "input_tokens", nullable = false, updatable = false)
  private long inputTokens;

  @Column(name = "output_tokens", nullable = false, updatable = false)
  private long outputTokens;

  @Column(nullable = false, updatable = false)
  private boolean estimated;

  @Column(name = "called_at", nullable = false, updatable = false)
  private Instant calledAt;

  protected ModelUsage() {}

  public ModelUsage(
      WorkspaceId workspace,
      UUID run,
      String agent,
      String model,
      UUID providerId,
      String userId,
      long inputTokens,
      long outputTokens,
      boolean estimated,
      Instant calledAt) {
    this.id = UUID.randomUUID();
    this.workspaceId = workspace.value();
    this.run = run;
    this.agent = agent;
    this.model = model;
    this.providerId = providerId;
    this.userId = userId;
    this.inputTokens = inputTokens;
    this.outputTokens = outputTokens;
    this.estimated = estimated;
    this.calledAt = calledAt;
  }
}
