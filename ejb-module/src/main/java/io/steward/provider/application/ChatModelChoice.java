package io.steward.provider.application;

import dev.langchain4j.model.chat.StreamingChatModel;
import io.steward.provider.offline.OfflineChatModel;
import java.util.Set;
import java.util.UUID;

/**
 * The model a run talks to: the name runs and usage record, whether it is the offline model, and
 * the workspace provider it comes from (null for the installation's and the offline model).
 */
public record ChatModelChoice(
    String name, boolean offline, StreamingChatModel model, UUID providerId) {

  /**
   * Whether the model would act on the request with these tools rather than explain its limits: the
   * offline model understands only a few wordings, a hosted model anything.
   */
  public boolean understands(String request, Set<String> tools) {
    return !offline || OfflineChatModel.understands(request, tools);
  }
}
