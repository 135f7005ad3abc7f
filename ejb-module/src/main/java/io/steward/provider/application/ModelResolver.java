package io.steward.provider.application;

import io.steward.shared.domain.StewardException;
import io.steward.workspace.domain.WorkspaceId;

/** Picks the chat model for a run of an agent in a workspace. */
public interface ModelResolver {

  /** The name under which the built-in offline model is chosen and recorded. */
  String OFFLINE = "offline";

  /**
   * The model for a run; {@code requested} (optional) names a model the client asked for: {@link
   * #OFFLINE} or a configured model. Unknown names are a validation failure.
   */
  ChatModelChoice resolve(WorkspaceId workspace, String agent, String requested)
      throws StewardException;
}
