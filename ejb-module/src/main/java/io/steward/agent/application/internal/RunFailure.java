package io.steward.agent.application.internal;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import java.net.http.HttpTimeoutException;

/**
 * Why a run could not go on, as the client sees it: a stable code and a message written for people.
 * The cause (with provider details) goes to the server log only.
 */
final class RunFailure extends Exception {

  private final String code;

  RunFailure(String code, String message) {
    super(message);
    this.code = code;
  }

  String code() {
    return code;
  }

  static RunFailure timeout() {
    return new RunFailure("MODEL_TIMEOUT", "The model did not answer in time.");
  }

  /** Classifies a model call's failure without passing on its text. */
  static RunFailure ofModel(Throwable error) {
    if (causedBy(error, TimeoutException.class) || causedBy(error, HttpTimeoutException.class)) {
      return timeout();
    }
    if (error instanceof AuthenticationException) {
      return new RunFailure(
          "MODEL_AUTHENTICATION", "The model provider did not accept the configured credentials.");
    }
    if (error instanceof RateLimitException) {
      return new RunFailure(
          "MODEL_RATE_LIMITED", "The model provider is limiting requests; try again shortly.");
    }
    if (error instanceof ModelNotFoundException) {
      return new RunFailure("MODEL_NOT_FOUND", "The configured model does not exist.");
    }
    if (error instanceof InternalServerException
        || (error instanceof HttpException http && http.statusCode() >= 500)) {
      return new RunFailure("MODEL_UNAVAILABLE", "The model provider is unavailable right now.");
    }
    return new RunFailure("MODEL_ERROR", "The model call failed.");
  }

  private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }
}
