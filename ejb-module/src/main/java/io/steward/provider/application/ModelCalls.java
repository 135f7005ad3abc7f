package io.steward.provider.application;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A model call whose whole answer is needed before going on (tests, classification, plans). */
public final class ModelCalls {

  private static final Logger LOG = Logger.getLogger(ModelCalls.class.getName());

  private ModelCalls() {}

  /** The answer, or why there is none; {@code failure} is null when {@code response} is set. */
  public record Completion(ChatResponse response, ModelFailure failure, long millis) {}

  public static Completion complete(
      StreamingChatModel model, ChatRequest request, Duration timeout) {
    CompletableFuture<ChatResponse> answer = new CompletableFuture<>();
    long started = System.nanoTime();
    try {
      model.chat(
          request,
          new StreamingChatResponseHandler() {
            @Override
            public void onCompleteResponse(ChatResponse response) {
              answer.complete(response);
            }

            @Override
            public void onError(Throwable error) {
              answer.completeExceptionally(error);
            }
          });
    } catch (RuntimeException e) {
      answer.completeExceptionally(e);
    }
    ChatResponse response = null;
    ModelFailure failure = null;
    try {
      response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      failure = ModelFailure.timeout();
    } catch (ExecutionException e) {
      LOG.log(Level.INFO, "A model call failed", e.getCause());
      failure = ModelFailure.of(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = ModelFailure.timeout();
    }
    return new Completion(
        response, failure, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }
}
