package io.steward.provider.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.RateLimitException;
import io.steward.shared.application.RefusedAddressException;
import io.steward.shared.application.RefusedAddressException.Reason;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import org.junit.jupiter.api.Test;

class ModelFailureTest {

  @Test
  void should_treat_transient_failures_as_retriable_and_others_not() {
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

  @Test
  void should_fail_refused_addresses_for_good_and_unknown_hosts_as_unreachable() {
    ModelFailure refused =
        ModelFailure.of(
            new LangChain4jException(
                new RefusedAddressException(
                    Reason.INTERNAL, "The address 127.0.0.1 is an internal address")));
    assertEquals("MODEL_ADDRESS_REFUSED", refused.code());
    assertFalse(refused.transientFailure(), "asking again would be refused again");
    assertEquals(
        "The model provider's address is refused. The address 127.0.0.1 is an internal address.",
        refused.message());
    ModelFailure unknown =
        ModelFailure.of(
            new LangChain4jException(
                new RefusedAddressException(Reason.UNKNOWN_HOST, "The host x is unknown")));
    assertEquals("MODEL_UNREACHABLE", unknown.code());
    assertTrue(unknown.transientFailure());
  }

  @Test
  void should_not_follow_redirects_and_say_so() {
    ModelFailure redirect = ModelFailure.of(new HttpException(302, "Found"));
    assertEquals("MODEL_ERROR", redirect.code());
    assertFalse(redirect.transientFailure());
    assertTrue(redirect.message().contains("redirect"), redirect.message());
  }
}
