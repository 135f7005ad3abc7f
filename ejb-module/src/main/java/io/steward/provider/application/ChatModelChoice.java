package io.steward.provider.application;

import dev.langchain4j.model.chat.StreamingChatModel;
import java.util.UUID;

/**
 * The model a run talks to: the name runs and usage record, whether it is the offline model, and
 * the workspace provider it comes from (null for the installation's and the offline model).
 */
public record ChatModelChoice(
    String name, boolean offline, StreamingChatModel model, UUID providerId) {}
