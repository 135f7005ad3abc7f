package io.steward.provider.domain;

import io.steward.secret.domain.SealedSecret;
import io.steward.tenancy.domain.WorkspaceId;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A model provider a workspace brought: which API, where, the model used unless another is asked
 * for, and its API key, stored only sealed.
 */
@Entity
@Table(name = "model_provider")
public class ModelProvider {

  public static final int NAME_MAX_LENGTH = 60;

  @Id private UUID id;

  @Column(name = "workspace_id", nullable = false, updatable = false)
  private UUID workspaceId;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private ProviderKind kind;

  @Column(name = "base_url")
  private String baseUrl;

  @Column(name = "default_model", nullable = false)
  private String defaultModel;

  @Embedded private SealedSecret apiKey;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private int version;

  protected ModelProvider() {}

  public ModelProvider(
      WorkspaceId workspace,
      String name,
      ProviderKind kind,
      String baseUrl,
      String defaultModel,
      Instant at) {
    this.id = UUID.randomUUID();
    this.workspaceId = workspace.value();
    this.name = name;
    this.kind = kind;
    this.baseUrl = baseUrl;
    this.defaultModel = defaultModel;
    this.createdAt = at;
    this.updatedAt = at;
  }

  public void change(String name, String baseUrl, String defaultModel, Instant at) {
    this.name = name;
    this.baseUrl = baseUrl;
    this.defaultModel = defaultModel;
    this.updatedAt = at;
  }

  public void replaceApiKey(SealedSecret apiKey, Instant at) {
    this.apiKey = apiKey;
    this.updatedAt = at;
  }

  /** Re-sealed under another master key: the same key, so not a change people see. */
  public void reseal(SealedSecret apiKey) {
    this.apiKey = apiKey;
  }

  /** What the sealed key is bound to, so it does not open on another record. */
  public String secretContext() {
    return "model-provider:" + id;
  }

  public UUID id() {
    return id;
  }

  public WorkspaceId workspace() {
    return new WorkspaceId(workspaceId);
  }

  public String name() {
    return name;
  }

  public ProviderKind kind() {
    return kind;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public String defaultModel() {
    return defaultModel;
  }

  /** The sealed API key, or null when the provider has none (e.g. a local Ollama). */
  public SealedSecret apiKey() {
    return apiKey == null || apiKey.ciphertext() == null ? null : apiKey;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public int version() {
    return version;
  }
}
