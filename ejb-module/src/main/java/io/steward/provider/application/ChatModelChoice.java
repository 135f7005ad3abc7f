package io.steward.provider.application;

import dev.langchain4j.model.chat.StreamingChatModel;
import io.steward.provider.offline.OfflineChatModel;
import java.util.Set;
import java.util.UUID;

/**
 * The model a run talks to: the workspace provider it comes from (its name and id; null for the
 * installation's and the offline model), the model's name, and whether it is the offline model.
 */
public record ChatModelChoice(
    String provider, String modelName, boolean offline, StreamingChatModel model, UUID providerId) {

  /** The name runs and usage record: {@code provider/model}, or the model's name alone. */
  public String name() {
    return provider == null ? modelName : provider + "/" + modelName;
  }

  /**
   * Whether the model would act on the request with these tools rather than explain its limits: the
   * offline model understands only a few wordings, a hosted model anything.
   */
  public boolean understands(String request, Set<String> tools) {
    return !offline
        || (model instanceof OfflineChatModel offlineModel
            && offlineModel.understands(request, tools));
  }
}
