package io.steward.provider.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import org.junit.jupiter.api.Test;

class ModelFailureTest {

  @Test
  void transientFailuresAreRetriableAndOthersAreNot() {
    assertTrue(ModelFailure.of(new RateLimitException("slow down")).transientFailure());
    assertEquals("MODEL_RATE_LIMITED", ModelFailure.of(new RateLimitException("x")).code());
    ModelFailure unavailable = ModelFailure.of(new HttpException(503, "overloaded"));
    assertEquals("MODEL_UNAVAILABLE", unavailable.code());
    assertTrue(unavailable.transientFailure());
    assertTrue(
        ModelFailure.of(new RuntimeException(new HttpTimeoutException("read"))).transientFailure());
    assertEquals(
        "MODEL_UNREACHABLE",
        ModelFailure.of(new UncheckedIOException(new ConnectException("refused"))).code());

    ModelFailure refused = ModelFailure.of(new AuthenticationException("bad key sk-123"));
    assertEquals("MODEL_AUTHENTICATION", refused.code());
    assertFalse(refused.transientFailure());
    assertFalse(refused.message().contains("sk-123"), "provider text is never passed on");
    assertFalse(ModelFailure.of(new HttpException(400, "bad")).transientFailure());
  }
}
