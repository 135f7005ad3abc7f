package io.steward.agent.application.internal;

import io.steward.tenancy.domain.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Caps how many model calls one workspace has in flight on this server ({@code
 * steward.model.max-concurrent-calls}, per workspace), so one busy workspace cannot take every run
 * thread and its provider's rate limit for itself.
 */
@ApplicationScoped
public class ModelCallGate {

  @Inject
  @ConfigProperty(name = "steward.model.max-concurrent-calls", defaultValue = "16")
  int maxConcurrentCalls;

  private final Map<UUID, Semaphore> permits = new ConcurrentHashMap<>();

  /** A permit for one call, released by closing it; null when none came free in time. */
  AutoCloseable enter(WorkspaceId workspace, Duration wait) throws InterruptedException {
    Semaphore semaphore =
        permits.computeIfAbsent(workspace.value(), id -> new Semaphore(maxConcurrentCalls, true));
    if (!semaphore.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
      return null;
    }
    return semaphore::release;
  }
}
