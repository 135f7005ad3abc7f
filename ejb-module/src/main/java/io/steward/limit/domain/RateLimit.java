package io.steward.limit.domain;

/**
 * At most {@code perMinute} tokens a minute: a full bucket holds that many, and spent tokens come
 * back evenly over the minute. {@code what} names the limit for the client ("requests per person").
 */
public record RateLimit(String what, long perMinute) {

  public RateLimit {
    if (perMinute < 1) {
      throw new IllegalArgumentException(what + ": a rate limit needs at least 1 a minute");
    }
  }
}
