package io.steward.provider.offline;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Records what a streaming chat model reports, in order, for assertions. */
final class RecordingHandler implements StreamingChatResponseHandler {

  final List<String> partialResponses = new ArrayList<>();
  final List<PartialToolCall> partialToolCalls = new ArrayList<>();
  final List<CompleteToolCall> completeToolCalls = new ArrayList<>();
  final List<ChatResponse> completeResponses = new ArrayList<>();
  final List<Throwable> errors = new ArrayList<>();

  /** Runs one chat through the model's public entry point, offering tools that have only names. */
  static RecordingHandler chat(
      StreamingChatModel model, List<ChatMessage> messages, String... offeredTools) {
    RecordingHandler handler = new RecordingHandler();
    model.chat(
        ChatRequest.builder()
            .messages(messages)
            .toolSpecifications(
                Arrays.stream(offeredTools)
                    .map(name -> ToolSpecification.builder().name(name).build())
                    .toList())
            .build(),
        handler);
    return handler;
  }

  @Override
  public void onPartialResponse(String partialResponse) {
    partialResponses.add(partialResponse);
  }

  @Override
  public void onPartialToolCall(PartialToolCall partialToolCall) {
    partialToolCalls.add(partialToolCall);
  }

  @Override
  public void onCompleteToolCall(CompleteToolCall completeToolCall) {
    completeToolCalls.add(completeToolCall);
  }

  @Override
  public void onCompleteResponse(ChatResponse completeResponse) {
    completeResponses.add(completeResponse);
  }

  @Override
  public void onError(Throwable error) {
    errors.add(error);
  }

  /** The one response the model completed; fails if there was an error or more than one. */
  ChatResponse response() {
    if (!errors.isEmpty() || completeResponses.size() != 1) {
      throw new AssertionError(
          "expected one response, got " + completeResponses + " and errors " + errors);
    }
    return completeResponses.get(0);
  }

  /** The text the model answered with, checking it streamed exactly that text in pieces. */
  String text() {
    String text = response().aiMessage().text();
    if (!String.join("", partialResponses).equals(text)) {
      throw new AssertionError("streamed " + partialResponses + " but answered " + text);
    }
    return text;
  }
}
