package io.steward.shared.interfaces.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BackgroundProbesTest {

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final CountDownLatch never = new CountDownLatch(1);

  /** What the server's MicroProfile Health implementation provides, reduced to what is used. */
  @BeforeAll
  static void responseBuilder() {
    HealthCheckResponse.setResponseProvider(ResponseBuilder::new);
  }

  @AfterEach
  void stop() {
    never.countDown();
    scheduler.shutdownNow();
    executor.shutdownNow();
  }

  @Test
  void should_answer_down_at_once_and_keep_one_call_to_a_hung_system_in_flight() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    BackgroundProbes probes = probes();
    probes.start(
        "keycloak",
        () -> {
          calls.incrementAndGet();
          try {
            never.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return true;
        });

    // Ticks every second, each call times out after one: several ticks pass the hung call.
    Thread.sleep(3500);

    HealthCheckResponse answer = probes.answer("keycloak");
    assertEquals(HealthCheckResponse.Status.DOWN, answer.getStatus());
    assertEquals("no answer within 1 s", answer.getData().orElseThrow().get("reason"));
    assertEquals(1, calls.get(), "a hung call is not joined by another each tick");
  }

  @Test
  void should_answer_up_from_the_last_result() throws Exception {
    BackgroundProbes probes = probes();
    CountDownLatch checked = new CountDownLatch(1);
    probes.start(
        "database",
        () -> {
          checked.countDown();
          return true;
        });
    checked.await(5, TimeUnit.SECONDS);
    Thread.sleep(200);
    assertEquals(HealthCheckResponse.Status.UP, probes.answer("database").getStatus());
    assertEquals(HealthCheckResponse.Status.DOWN, probes.answer("never-started").getStatus());
  }

  private BackgroundProbes probes() {
    BackgroundProbes probes = new BackgroundProbes();
    probes.scheduler = managed(ManagedScheduledExecutorService.class, scheduler);
    probes.executor = managed(ManagedExecutorService.class, executor);
    probes.intervalSeconds = 1;
    probes.timeoutSeconds = 1;
    return probes;
  }

  private static final class ResponseBuilder extends HealthCheckResponseBuilder {
    private String name;
    private boolean up;
    private final Map<String, Object> data = new HashMap<>();

    @Override
    public HealthCheckResponseBuilder name(String name) {
      this.name = name;
      return this;
    }

    @Override
    public HealthCheckResponseBuilder withData(String key, String value) {
      data.put(key, value);
      return this;
    }

    @Override
    public HealthCheckResponseBuilder withData(String key, long value) {
      data.put(key, value);
      return this;
    }

    @Override
    public HealthCheckResponseBuilder withData(String key, boolean value) {
      data.put(key, value);
      return this;
    }

    @Override
    public HealthCheckResponseBuilder up() {
      return status(true);
    }

    @Override
    public HealthCheckResponseBuilder down() {
      return status(false);
    }

    @Override
    public HealthCheckResponseBuilder status(boolean up) {
      this.up = up;
      return this;
    }

    @Override
    public HealthCheckResponse build() {
      return new HealthCheckResponse(
          name,
          up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
          Optional.of(data));
    }
  }

  /** The container's executor, played by a plain one: only the executor methods are used. */
  private static <T> T managed(Class<T> type, Object plain) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              try {
                return method.invoke(plain, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }));
  }
}
