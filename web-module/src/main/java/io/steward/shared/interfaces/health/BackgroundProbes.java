package io.steward.shared.interfaces.health;

import io.steward.shared.application.RecurringTask;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Readiness probes of remote systems (the database, Keycloak, the search cluster) run here in the
 * background, each every {@code steward.health.probe-interval-seconds} and bounded by {@code
 * steward.health.probe-timeout-seconds}; a health request answers from the last result at once. So
 * a remote system that hangs can never hold the request threads that {@code /health} and everyone
 * else need. At most one call per probe is in flight: a hung probe costs one thread, not one per
 * interval. A result older than three intervals plus the timeout counts as DOWN.
 */
@ApplicationScoped
public class BackgroundProbes {

  @Resource ManagedScheduledExecutorService scheduler;
  @Resource ManagedExecutorService executor;

  @Inject
  @ConfigProperty(name = "steward.health.probe-interval-seconds", defaultValue = "2")
  int intervalSeconds;

  @Inject
  @ConfigProperty(name = "steward.health.probe-timeout-seconds", defaultValue = "3")
  int timeoutSeconds;

  private final Map<String, Probe> probes = new ConcurrentHashMap<>();
  private final List<ScheduledFuture<?>> schedules = new CopyOnWriteArrayList<>();

  /** Starts probing {@code name} in the background (once; later calls change nothing). */
  public void start(String name, BooleanSupplier check) {
    probes.computeIfAbsent(
        name,
        n -> {
          Probe probe = new Probe(check);
          schedules.add(
              scheduler.scheduleWithFixedDelay(
                  new RecurringTask("Readiness probe " + n, probe::tick),
                  0,
                  intervalSeconds,
                  TimeUnit.SECONDS));
          return probe;
        });
  }

  /** The last result of the probe, DOWN while there is none or it is stale. */
  public HealthCheckResponse answer(String name) {
    Probe probe = probes.get(name);
    Result last = probe == null ? null : probe.last;
    Duration stale = Duration.ofSeconds(3L * intervalSeconds + timeoutSeconds);
    if (last == null || last.at.plus(stale).isBefore(Instant.now())) {
      return HealthCheckResponse.named(name).down().withData("reason", "no recent result").build();
    }
    var response =
        HealthCheckResponse.named(name).status(last.up).withData("checked", last.at.toString());
    return (last.reason == null ? response : response.withData("reason", last.reason)).build();
  }

  @PreDestroy
  void stop() {
    schedules.forEach(schedule -> schedule.cancel(true));
  }

  private record Result(boolean up, Instant at, String reason) {}

  /** One probe: its last result and the call in flight, if any. */
  private final class Probe {

    private final BooleanSupplier check;
    private volatile Result last;
    private CompletableFuture<Boolean> running;

    Probe(BooleanSupplier check) {
      this.check = check;
    }

    /** Runs on the scheduler, one tick at a time. */
    void tick() {
      if (running != null && !running.isDone()) {
        return; // still waiting on the last call; its timeout has already been reported
      }
      running = CompletableFuture.supplyAsync(check::getAsBoolean, executor);
      // The timeout completes a copy: orTimeout on running itself would mark it done while the
      // call still holds its thread, and the next tick would start another.
      running
          .copy()
          .orTimeout(timeoutSeconds, TimeUnit.SECONDS)
          .whenComplete(
              (up, failure) ->
                  last =
                      new Result(
                          failure == null && up,
                          Instant.now(),
                          failure == null ? null : reason(failure)));
    }

    private String reason(Throwable failure) {
      return failure instanceof TimeoutException || failure.getCause() instanceof TimeoutException
          ? "no answer within " + timeoutSeconds + " s"
          : "the check failed";
    }
  }
}
