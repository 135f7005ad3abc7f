package io.steward.provider.interfaces.graphql;

import io.steward.provider.application.ProviderService.ConnectionTest;
import io.steward.provider.application.ProviderService.UsageReport;
import io.steward.provider.domain.AgentSettings;
import io.steward.provider.domain.AiSettings;
import io.steward.provider.domain.ModelProvider;
import io.steward.provider.domain.UsageTotal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** The GraphQL types of providers, settings and usage. */
public final class ProviderViews {

  private ProviderViews() {}

  @Enum("ModelProviderKind")
  @Description(
      "OPENAI and ANTHROPIC: the vendors' APIs (base URL optional); OPENAI_COMPATIBLE: any server"
          + " with OpenAI's chat-completions API, such as Ollama or vLLM (base URL required)")
  public enum Kind {
    OPENAI,
    ANTHROPIC,
    OPENAI_COMPATIBLE
  }

  @Name("ModelProvider")
  @Description("A model provider the workspace brought; its API key is never shown, only masked")
  public record ProviderView(
      @NonNull @Id String id,
      @NonNull String name,
      @NonNull Kind kind,
      @Description("Absent: the vendor's own endpoint") String baseUrl,
      @NonNull @Description("The model runs use unless another is chosen") String defaultModel,
      @Description("The stored key, masked to its last four characters (...abcd); absent: none")
          String apiKey,
      @NonNull OffsetDateTime createdAt,
      @NonNull OffsetDateTime updatedAt,
      @NonNull int version) {

    ProviderView(ModelProvider provider) {
      this(
          provider.id().toString(),
          provider.name(),
          Kind.valueOf(provider.kind().name()),
          provider.baseUrl(),
          provider.defaultModel(),
          provider.apiKey() == null ? null : provider.apiKey().masked(),
          provider.createdAt().atOffset(ZoneOffset.UTC),
          provider.updatedAt().atOffset(ZoneOffset.UTC),
          provider.version());
    }
  }

  @Input("ModelProviderInput")
  public record ProviderInput(
      @NonNull @Description("Unique in the workspace, without '/'") String name,
      @NonNull Kind kind,
      String baseUrl,
      @NonNull String defaultModel,
      @Description("Stored encrypted; required except for OPENAI_COMPATIBLE") String apiKey) {}

  @Input("ModelProviderChanges")
  @Description("Absent fields stay as they are; an empty apiKey removes the key")
  public record ProviderChangesInput(
      String name, String baseUrl, String defaultModel, String apiKey) {}

  @Name("ModelProviderTest")
  @Description("How a test request to the provider went")
  public record ConnectionTestView(
      @NonNull boolean ok,
      @NonNull @Description("OK, or why not: MODEL_AUTHENTICATION, MODEL_UNAVAILABLE and others")
          String code,
      @NonNull String message,
      @NonNull @Description("How long it took") long millis) {

    ConnectionTestView(ConnectionTest test) {
      this(test.ok(), test.code(), test.message(), test.millis());
    }
  }

  @Name("AiSettings")
  @Description("The workspace's model settings (admins and owners)")
  public record SettingsView(
      @Id @Description("Absent: the installation's model, or the offline model")
          String defaultProviderId,
      @Description("Tokens per calendar month (workspace time zone); absent: no budget")
          Long monthlyTokenBudget,
      @NonNull @Description("Whether members may pick a model per run (admins always may)")
          boolean membersMayChooseModel,
      @NonNull int version,
      @NonNull List<@NonNull AgentSettingsView> agents) {

    SettingsView(AiSettings settings, List<AgentSettings> agents) {
      this(
          id(settings.defaultProviderId()),
          settings.monthlyTokenBudget(),
          settings.membersMayChooseModel(),
          settings.version(),
          agents.stream().map(AgentSettingsView::new).toList());
    }
  }

  @Input("AiSettingsInput")
  public record SettingsInput(
      @Id String defaultProviderId, BigInteger monthlyTokenBudget, boolean membersMayChooseModel) {}

  @Name("AgentSettings")
  @Description("How an agent works in this workspace; never shown to members")
  public record AgentSettingsView(
      @NonNull String agent,
      @Id @Description("Absent: the workspace default") String providerId,
      @Description("Absent: the provider's default model") String model,
      @NonNull List<@NonNull String> disabledTools,
      @Description("Added to the agent's instructions") String instructions,
      Long monthlyTokenBudget,
      @NonNull int version) {

    AgentSettingsView(AgentSettings settings) {
      this(
          settings.agent(),
          id(settings.providerId()),
          settings.model(),
          settings.disabledTools(),
          settings.instructions(),
          settings.monthlyTokenBudget(),
          settings.version());
    }
  }

  @Input("AgentSettingsInput")
  public record AgentSettingsInput(
      @Id String providerId,
      String model,
      @Description("Tools switched off; absent: none") List<String> disabledTools,
      String instructions,
      BigInteger monthlyTokenBudget) {}

  @Name("ModelUsageLine")
  public record UsageLine(
      @Description("The model, agent or user id; absent for the total") String key,
      @NonNull long inputTokens,
      @NonNull long outputTokens,
      @NonNull long totalTokens,
      @NonNull @Description("Model calls") long calls) {

    UsageLine(UsageTotal total) {
      this(
          total.key(),
          total.inputTokens(),
          total.outputTokens(),
          total.totalTokens(),
          total.calls());
    }
  }

  @Name("ModelUsageReport")
  @Description("Tokens the workspace's model calls used (the offline model is not metered)")
  public record UsageView(
      @NonNull LocalDate from,
      @NonNull LocalDate to,
      @NonNull UsageLine total,
      @NonNull List<@NonNull UsageLine> byModel,
      @NonNull List<@NonNull UsageLine> byAgent,
      @NonNull List<@NonNull UsageLine> byUser,
      Long monthlyTokenBudget,
      @NonNull @Description("Tokens used in the current calendar month") long usedThisMonth) {

    UsageView(UsageReport report) {
      this(
          report.from(),
          report.to(),
          new UsageLine(report.total()),
          report.byModel().stream().map(UsageLine::new).toList(),
          report.byAgent().stream().map(UsageLine::new).toList(),
          report.byUser().stream().map(UsageLine::new).toList(),
          report.monthlyTokenBudget(),
          report.usedThisMonth());
    }
  }

  @Name("SecretRotation")
  public record RotationView(
      @NonNull @Description("Secrets now sealed under the current master key") int resealed,
      @NonNull @Description("Secrets whose master key is not configured; they stay as they were")
          int failed) {}

  private static String id(UUID id) {
    return id == null ? null : id.toString();
  }
}
