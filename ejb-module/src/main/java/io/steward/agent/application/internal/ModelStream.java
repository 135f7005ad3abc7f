package io.steward.agent.application.internal;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One streaming model call, handed from the HTTP client's threads to the run's thread: callbacks
 * become signals in a queue the run takes them from in order, so the run alone writes events and
 * touches the database.
 */
final class ModelStream implements StreamingChatResponseHandler {

  /** What the model sent. */
  sealed interface Signal {}

  record Text(String delta) implements Signal {}

  record Thinking(String delta) implements Signal {}

  record ToolCallPart(PartialToolCall part) implements Signal {}

  record ToolCallDone(CompleteToolCall call) implements Signal {}

  record Done(ChatResponse response) implements Signal {}

  record Failed(Throwable error) implements Signal {}

  private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
  private volatile StreamingHandle handle;

  /** The next signal, or null when none came within {@code wait}. */
  Signal next(Duration wait) throws InterruptedException {
    return signals.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  boolean idle() {
    return signals.isEmpty();
  }

  /** Stops the provider's stream, if it offers a way to. */
  void cancel() {
    StreamingHandle current = handle;
    if (current != null) {
      current.cancel();
    }
  }

  @Override
  public void onPartialResponse(PartialResponse response, PartialResponseContext context) {
    handle = context.streamingHandle();
    signals.add(new Text(response.text()));
  }

  @Override
  public void onPartialResponse(String text) {
    signals.add(new Text(text));
  }

  @Override
  public void onPartialThinking(PartialThinking thinking, PartialThinkingContext context) {
    handle = context.streamingHandle();
    signals.add(new Thinking(thinking.text()));
  }

  @Override
  public void onPartialThinking(PartialThinking thinking) {
    signals.add(new Thinking(thinking.text()));
  }

  @Override
  public void onPartialToolCall(PartialToolCall part, PartialToolCallContext context) {
    handle = context.streamingHandle();
    signals.add(new ToolCallPart(part));
  }

  @Override
  public void onPartialToolCall(PartialToolCall part) {
    signals.add(new ToolCallPart(part));
  }

  @Override
  public void onCompleteToolCall(CompleteToolCall call) {
    signals.add(new ToolCallDone(call));
  }

  @Override
  public void onCompleteResponse(ChatResponse response) {
    signals.add(new Done(response));
  }

  @Override
  public void onError(Throwable error) {
    signals.add(new Failed(error));
  }
}
