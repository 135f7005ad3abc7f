package io.steward.provider.application;

import dev.langchain4j.model.chat.StreamingChatModel;

/** The model a run talks to, with the name runs record and whether it is the offline model. */
public record ChatModelChoice(String name, boolean offline, StreamingChatModel model) {}
