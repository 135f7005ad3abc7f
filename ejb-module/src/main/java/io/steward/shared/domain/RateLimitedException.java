package io.steward.shared.domain;

import java.time.Duration;

/**
 * Too many requests or runs in a short time; the client may try again after {@link #retryAfter}.
 */
public class RateLimitedException extends StewardException {

  private final Duration retryAfter;

  public RateLimitedException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  @Override
  public FailureKind kind() {
    return FailureKind.RATE_LIMITED;
  }

  /** How long until the limit admits the next request; never less than a second. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
