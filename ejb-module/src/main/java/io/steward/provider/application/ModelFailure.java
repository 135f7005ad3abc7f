package io.steward.provider.application;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import io.steward.shared.application.RefusedAddressException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;

/**
 * Why a model call failed, as clients see it: a stable code and a message written for people, never
 * the provider's text. {@code transientFailure} says whether trying again may help (rate limits,
 * server errors, timeouts).
 */
public record ModelFailure(String code, String message, boolean transientFailure) {

  public static ModelFailure timeout() {
    return new ModelFailure("MODEL_TIMEOUT", "The model did not answer in time.", true);
  }

  public static ModelFailure of(Throwable error) {
    RefusedAddressException refused = cause(error, RefusedAddressException.class);
    if (refused != null) {
      return refused.reason() == RefusedAddressException.Reason.UNKNOWN_HOST
          ? unreachable()
          : new ModelFailure(
              "MODEL_ADDRESS_REFUSED",
              "The model provider's address is refused. " + refused.getMessage() + ".",
              false);
    }
    if (causedBy(error, TimeoutException.class) || causedBy(error, HttpTimeoutException.class)) {
      return timeout();
    }
    if (error instanceof AuthenticationException) {
      return new ModelFailure(
          "MODEL_AUTHENTICATION",
          "The model provider did not accept the configured credentials.",
          false);
    }
    if (error instanceof RateLimitException) {
      return new ModelFailure(
          "MODEL_RATE_LIMITED",
          "The model provider is limiting requests; try again shortly.",
          true);
    }
    if (error instanceof ModelNotFoundException) {
      return new ModelFailure("MODEL_NOT_FOUND", "The configured model does not exist.", false);
    }
    if (error instanceof InternalServerException
        || (error instanceof HttpException http && http.statusCode() >= 500)) {
      return new ModelFailure(
          "MODEL_UNAVAILABLE", "The model provider is unavailable right now.", true);
    }
    HttpException http = cause(error, HttpException.class);
    if (http != null && http.statusCode() >= 300 && http.statusCode() < 400) {
      return new ModelFailure(
          "MODEL_ERROR",
          "The model provider answered with a redirect, which is not followed; configure the"
              + " address it redirects to instead.",
          false);
    }
    if (causedBy(error, ConnectException.class)) {
      return unreachable();
    }
    return new ModelFailure("MODEL_ERROR", "The model call failed.", false);
  }

  private static ModelFailure unreachable() {
    return new ModelFailure("MODEL_UNREACHABLE", "The model provider could not be reached.", true);
  }

  private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
    return cause(error, type) != null;
  }

  /** The first throwable of {@code type} in the chain of causes, or null. */
  private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    return null;
  }
}
