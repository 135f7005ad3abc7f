package io.steward.limit.application.internal;

import io.steward.limit.application.RateLimits;
import io.steward.limit.domain.RateLimit;
import io.steward.limit.domain.TokenBuckets;
import io.steward.shared.domain.RateLimitedException;
import io.steward.tenancy.domain.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The limits from configuration (0 turns one off; plan tiers will set them per workspace later). A
 * CDI bean rather than an EJB: it runs on every request and needs no transaction. A bucket's key
 * carries its limit, so a changed limit starts fresh buckets at once on every server.
 */
@ApplicationScoped
public class DefaultRateLimits implements RateLimits {

  @Inject TokenBuckets buckets;

  @Inject
  @ConfigProperty(name = "steward.rate-limit.person.requests-per-minute")
  long personRequests;

  @Inject
  @ConfigProperty(name = "steward.rate-limit.workspace.requests-per-minute")
  long workspaceRequests;

  @Inject
  @ConfigProperty(name = "steward.rate-limit.person.runs-per-minute")
  long personRuns;

  @Inject
  @ConfigProperty(name = "steward.rate-limit.workspace.runs-per-minute")
  long workspaceRuns;

  @Override
  public void admitRequest(String personId, Set<WorkspaceId> workspaces)
      throws RateLimitedException {
    take("person-requests", personId, limit("requests a minute per person", personRequests));
    for (WorkspaceId workspace : workspaces) {
      take(
          "workspace-requests",
          workspace.toString(),
          limit("requests a minute per workspace", workspaceRequests));
    }
  }

  @Override
  public void admitRun(String personId, WorkspaceId workspace) throws RateLimitedException {
    take("person-runs", personId, limit("agent runs a minute per person", personRuns));
    take(
        "workspace-runs",
        workspace.toString(),
        limit("agent runs a minute per workspace", workspaceRuns));
  }

  private void take(String kind, String id, Optional<RateLimit> limit) throws RateLimitedException {
    if (limit.isEmpty()) {
      return;
    }
    RateLimit rate = limit.get();
    Optional<Duration> wait = buckets.take(kind + ":" + rate.perMinute() + ":" + id, rate);
    if (wait.isPresent()) {
      Duration retryAfter = wholeSeconds(wait.get());
      throw new RateLimitedException(
          "Rate limit exceeded: at most "
              + rate.perMinute()
              + " "
              + rate.what()
              + "; try again in "
              + retryAfter.toSeconds()
              + " s",
          retryAfter);
    }
  }

  private static Optional<RateLimit> limit(String what, long perMinute) {
    return perMinute <= 0 ? Optional.empty() : Optional.of(new RateLimit(what, perMinute));
  }

  /** Retry-After counts whole seconds: rounded up, and at least one. */
  static Duration wholeSeconds(Duration wait) {
    long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
    return Duration.ofSeconds(Math.max(1, seconds));
  }
}
