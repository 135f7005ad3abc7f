package io.steward.limit.domain;

import java.time.Duration;
import java.util.Optional;

/** Token buckets shared by every server of the installation, found by key. */
public interface TokenBuckets {

  /**
   * Takes one token from the bucket {@code key}, which holds {@code limit} (a new bucket starts
   * full). Empty when a token was taken; otherwise how long until the bucket has one again.
   */
  Optional<Duration> take(String key, RateLimit limit);
}
