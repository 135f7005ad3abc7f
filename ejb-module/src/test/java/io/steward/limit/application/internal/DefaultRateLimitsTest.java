package io.steward.limit.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Tests how the wait for a refilled token becomes a Retry-After. */
class DefaultRateLimitsTest {

  @Test
  void should_round_the_wait_up_to_whole_seconds_and_never_below_one() {
    assertEquals(Duration.ofSeconds(1), DefaultRateLimits.wholeSeconds(Duration.ofMillis(50)));
    assertEquals(Duration.ofSeconds(1), DefaultRateLimits.wholeSeconds(Duration.ZERO));
    assertEquals(Duration.ofSeconds(2), DefaultRateLimits.wholeSeconds(Duration.ofMillis(1001)));
    assertEquals(Duration.ofSeconds(3), DefaultRateLimits.wholeSeconds(Duration.ofSeconds(3)));
  }
}
