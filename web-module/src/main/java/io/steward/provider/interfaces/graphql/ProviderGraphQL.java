package io.steward.provider.interfaces.graphql;

import io.steward.provider.application.ProviderService;
import io.steward.provider.application.ProviderService.AgentSettingsChanges;
import io.steward.provider.application.ProviderService.ProviderChanges;
import io.steward.provider.application.ProviderService.ProviderDraft;
import io.steward.provider.application.ProviderService.SettingsChanges;
import io.steward.provider.domain.ProviderKind;
import io.steward.provider.interfaces.graphql.ProviderViews.AgentSettingsInput;
import io.steward.provider.interfaces.graphql.ProviderViews.AgentSettingsView;
import io.steward.provider.interfaces.graphql.ProviderViews.ConnectionTestView;
import io.steward.provider.interfaces.graphql.ProviderViews.ProviderChangesInput;
import io.steward.provider.interfaces.graphql.ProviderViews.ProviderInput;
import io.steward.provider.interfaces.graphql.ProviderViews.ProviderView;
import io.steward.provider.interfaces.graphql.ProviderViews.RotationView;
import io.steward.provider.interfaces.graphql.ProviderViews.SettingsInput;
import io.steward.provider.interfaces.graphql.ProviderViews.SettingsView;
import io.steward.provider.interfaces.graphql.ProviderViews.UsageView;
import io.steward.secret.application.SecretRotation;
import io.steward.shared.domain.StewardException;
import io.steward.shared.interfaces.graphql.Enums;
import io.steward.shared.interfaces.graphql.Ids;
import io.steward.shared.interfaces.graphql.Numbers;
import io.steward.shared.interfaces.graphql.TranslatesFailures;
import io.steward.tenancy.domain.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/**
 * Bring your own AI: a workspace's providers (keys go in, never come out), model settings, budgets,
 * agent settings and usage, for its admins and owners; secret rotation for platform administrators.
 */
@GraphQLApi
@ApplicationScoped
@TranslatesFailures
public class ProviderGraphQL {

  private static final String WORKSPACE_ID = "workspaceId";
  private static final String BUDGET = "monthlyTokenBudget";

  @Inject ProviderService providers;
  @Inject SecretRotation rotation;

  @Query
  @Description("The workspace's model providers (admins and owners)")
  public @NonNull List<@NonNull ProviderView> modelProviders(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId) throws StewardException {
    return providers.providers(workspace(workspaceId)).stream().map(ProviderView::new).toList();
  }

  @Mutation
  @Description("Adds a model provider; its API key is stored encrypted and shown only masked")
  public @NonNull ProviderView addModelProvider(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Name("input") ProviderInput input)
      throws StewardException {
    return new ProviderView(
        providers.add(
            workspace(workspaceId),
            new ProviderDraft(
                input.name(),
                Enums.convert(input.kind(), ProviderKind.class),
                input.baseUrl(),
                input.defaultModel(),
                input.apiKey())));
  }

  @Mutation
  @Description("Changes a model provider")
  public @NonNull ProviderView updateModelProvider(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Id @Name("id") String id,
      @Name("version") @Description("The version it is based on; absent: the current one")
          Integer version,
      @NonNull @Name("changes") ProviderChangesInput changes)
      throws StewardException {
    return new ProviderView(
        providers.change(
            workspace(workspaceId),
            Ids.require("id", id),
            version,
            new ProviderChanges(
                changes.name(), changes.baseUrl(), changes.defaultModel(), changes.apiKey())));
  }

  @Mutation
  @Description("Removes a model provider; settings that named it fall back to the defaults")
  public boolean removeModelProvider(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId, @NonNull @Id @Name("id") String id)
      throws StewardException {
    providers.remove(workspace(workspaceId), Ids.require("id", id));
    return true;
  }

  @Mutation
  @Description("Sends the provider's default model a tiny request and says how it went")
  public @NonNull ConnectionTestView testModelProvider(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId, @NonNull @Id @Name("id") String id)
      throws StewardException {
    return new ConnectionTestView(providers.test(workspace(workspaceId), Ids.require("id", id)));
  }

  @Query
  @Description("The workspace's model settings and the settings of its agents (admins and owners)")
  public @NonNull SettingsView aiSettings(@NonNull @Id @Name(WORKSPACE_ID) String workspaceId)
      throws StewardException {
    WorkspaceId ws = workspace(workspaceId);
    return new SettingsView(providers.settings(ws), providers.agentSettings(ws));
  }

  @Mutation
  @Description("Replaces the workspace's model settings")
  public @NonNull SettingsView updateAiSettings(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @Name("version") @Description("The version it is based on; absent: the current one")
          Integer version,
      @NonNull @Name("settings") SettingsInput settings)
      throws StewardException {
    WorkspaceId ws = workspace(workspaceId);
    providers.changeSettings(
        ws,
        version,
        new SettingsChanges(
            Ids.parse("defaultProviderId", settings.defaultProviderId()),
            Numbers.toLong(BUDGET, settings.monthlyTokenBudget()),
            settings.membersMayChooseModel()));
    return aiSettings(workspaceId);
  }

  @Mutation
  @Description(
      "Replaces an agent's settings: preferred provider and model, tools switched off,"
          + " instructions added to its prompt (never shown to members), monthly token budget")
  public @NonNull AgentSettingsView updateAgentSettings(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Name("agent") String agent,
      @Name("version") @Description("The version it is based on; absent: the current one")
          Integer version,
      @NonNull @Name("settings") AgentSettingsInput settings)
      throws StewardException {
    return new AgentSettingsView(
        providers.changeAgentSettings(
            workspace(workspaceId),
            agent,
            version,
            new AgentSettingsChanges(
                Ids.parse("providerId", settings.providerId()),
                settings.model(),
                settings.disabledTools(),
                settings.instructions(),
                Numbers.toLong(BUDGET, settings.monthlyTokenBudget()))));
  }

  @Query
  @Description(
      "Tokens used by model calls from one day to another (both included, workspace time zone),"
          + " by model, agent and person (admins and owners)")
  public @NonNull UsageView modelUsage(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Name("from") LocalDate from,
      @NonNull @Name("to") LocalDate to)
      throws StewardException {
    return new UsageView(providers.usage(workspace(workspaceId), from, to));
  }

  @Mutation
  @Description(
      "Re-encrypts every stored secret under the current master key (platform administrators;"
          + " also done at every start-up)")
  public @NonNull RotationView rotateSecrets() throws StewardException {
    SecretRotation.Report report = rotation.rotate();
    return new RotationView(report.resealed(), report.failed());
  }

  private static WorkspaceId workspace(String workspaceId) throws StewardException {
    return WorkspaceId.parse(WORKSPACE_ID, workspaceId);
  }
}
