package io.steward.provider.application;

import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.WorkspaceId;

/**
 * Picks the chat model for a run in a workspace. A model a client names is checked when the run
 * starts; otherwise the model follows the agent's preference, the workspace's default provider, the
 * installation's configured model and finally the built-in offline model.
 */
public interface ModelResolver {

  /** The name under which the built-in offline model is chosen and recorded. */
  String OFFLINE = "offline";

  /**
   * The model the caller asked for: {@link #OFFLINE} (anyone), the installation's model, a
   * provider's name (its default model) or {@code provider/model}. Members and viewers may choose
   * only when the workspace allows it; unknown names are a validation failure.
   */
  ChatModelChoice requested(WorkspaceId workspace, String name) throws StewardException;

  /** The model the agent runs with when the client named none. */
  ChatModelChoice forAgent(WorkspaceId workspace, String agent) throws StewardException;

  /** The model the orchestrator classifies and plans with: the workspace's default model. */
  ChatModelChoice forRouting(WorkspaceId workspace) throws StewardException;

  /** The agent's tool toggles and instructions in the workspace. */
  AgentSetup setup(WorkspaceId workspace, String agent);
}
