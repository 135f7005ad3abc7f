package io.steward.agent.application.internal;

import io.steward.agent.spi.Agent;
import io.steward.provider.application.ChatModelChoice;
import io.steward.provider.application.ModelResolver;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Where a run's models are chosen: a model the client names is checked when the run starts and then
 * used throughout; otherwise the orchestrator routes and plans with the workspace's default model
 * and each agent acts with its own, looked up when the run gets to it.
 */
@ApplicationScoped
public class RunModels {

  @Inject ModelResolver models;

  /** The model a client names for a run, checked; null when it names none. */
  ChatModelChoice requested(WorkspaceId workspace, String name) throws StewardException {
    return name == null || name.isBlank() ? null : models.requested(workspace, name);
  }

  /** The model {@code agent} acts with in the run; with a null agent, the orchestrator's. */
  ChatModelChoice choose(RunJob job, Agent agent) throws RunFailure {
    if (job.model() != null) {
      return job.model();
    }
    WorkspaceId workspace = job.workspace().id();
    try {
      return agent == null
          ? models.forRouting(workspace)
          : models.forAgent(workspace, agent.name());
    } catch (StewardException e) {
      throw new RunFailure("MODEL_NOT_CONFIGURED", e.getMessage());
    }
  }
}
