package io.steward.event.application.internal;

import io.steward.event.application.ChangeFeed;
import io.steward.event.domain.Outbox;
import io.steward.event.domain.OutboxEvent;
import io.steward.shared.application.RecurringTask;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.application.WorkspaceAccess;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRole;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One poller per node reads the outbox's recent events while anyone is subscribed and hands each
 * subscriber the events of its workspace that its role may see. It reads a window of recent events
 * rather than "after the last id", because a transaction that got a lower id can commit after one
 * with a higher id; each subscriber remembers what it was given.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DefaultChangeFeed implements ChangeFeed {

  private static final Logger LOG = Logger.getLogger(DefaultChangeFeed.class.getName());
  private static final long POLL_MILLIS = 500;
  private static final Duration WINDOW = Duration.ofSeconds(10);
  private static final Duration IDLE = Duration.ofSeconds(15);
  private static final int BATCH = 1000;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject Outbox outbox;
  @Inject WorkspaceAccess access;

  private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
  // A database outage, or any error, must not end every client's feed: the poll runs again.
  private final RecurringTask poll = new RecurringTask("Change feed poll", this::poll);
  private ScheduledFuture<?> polling;

  @Override
  public Subscription subscribe(WorkspaceId workspace, Long lastEventId, Listener listener)
      throws StewardException {
    WorkspaceRole role = access.require(workspace, WorkspaceRole.VIEWER);
    Subscriber subscriber = new Subscriber(workspace, role, listener);
    if (lastEventId != null) {
      for (OutboxEvent missed : outbox.after(workspace, lastEventId, BATCH)) {
        if (!subscriber.offer(missed)) {
          return subscriber;
        }
      }
    }
    subscriber.skipUpTo(now());
    subscribers.add(subscriber);
    startPolling();
    return subscriber;
  }

  private synchronized void startPolling() {
    if (polling == null || polling.isDone()) {
      polling = scheduler.scheduleWithFixedDelay(poll, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  private synchronized void stopPollingIfIdle() {
    if (subscribers.isEmpty() && polling != null) {
      polling.cancel(false);
      polling = null;
    }
  }

  private void poll() {
    Instant now = now();
    List<OutboxEvent> recent = outbox.since(now.minus(WINDOW), BATCH);
    for (Subscriber subscriber : subscribers) {
      if (!deliverOrDrop(subscriber, recent, now)) {
        subscribers.remove(subscriber);
      }
    }
    stopPollingIfIdle();
  }

  /** A subscriber whose listener fails is dropped (its client reconnects); the others go on. */
  private static boolean deliverOrDrop(
      Subscriber subscriber, List<OutboxEvent> recent, Instant now) {
    try {
      return subscriber.deliver(recent, now);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "A change feed subscriber failed; dropping it", e);
      return false;
    }
  }

  @PreDestroy
  void stop() {
    subscribers.clear();
    stopPollingIfIdle();
  }

  private static Instant now() {
    return Instant.now(Clock.systemUTC());
  }

  /** A subscriber and the ids it was given within the window. */
  private final class Subscriber implements Subscription {

    private final WorkspaceId workspace;
    private final WorkspaceRole role;
    private final Listener listener;
    private final Set<Long> delivered = new HashSet<>();
    private Instant skipUpTo = Instant.MIN;
    private Instant lastSent = now();

    Subscriber(WorkspaceId workspace, WorkspaceRole role, Listener listener) {
      this.workspace = workspace;
      this.role = role;
      this.listener = listener;
    }

    /** Events that occurred before subscribing (and were not replayed) are not news. */
    void skipUpTo(Instant instant) {
      skipUpTo = instant;
    }

    boolean offer(OutboxEvent event) {
      delivered.add(event.id());
      lastSent = now();
      return listener.onEvent(event);
    }

    synchronized boolean deliver(List<OutboxEvent> recent, Instant now) {
      Set<Long> inWindow = new HashSet<>();
      for (OutboxEvent event : recent) {
        inWindow.add(event.id());
        if (event.workspaceId().equals(workspace)
            && role.includes(event.audience())
            && event.occurredAt().isAfter(skipUpTo)
            && !delivered.contains(event.id())
            && !offer(event)) {
          return false;
        }
      }
      delivered.retainAll(inWindow);
      if (Duration.between(lastSent, now).compareTo(IDLE) > 0) {
        lastSent = now;
        return listener.onIdle();
      }
      return true;
    }

    @Override
    public void cancel() {
      subscribers.remove(this);
    }
  }
}
