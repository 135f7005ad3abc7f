package io.steward.event.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steward.event.application.ChangeFeed;
import io.steward.event.domain.Outbox;
import io.steward.event.domain.OutboxEvent;
import io.steward.tenancy.application.WorkspaceAccess;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRole;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The poller behind every live feed keeps running whatever one poll throws. */
class DefaultChangeFeedTest {

  private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);
  private final WorkspaceId workspace = WorkspaceId.generate();

  @AfterEach
  void stopExecutor() {
    executor.shutdownNow();
  }

  @Test
  void should_keep_delivering_after_polls_that_fail_with_an_exception_or_an_error()
      throws Exception {
    AtomicInteger polls = new AtomicInteger();
    OutboxEvent event = eventWithId(7);
    Outbox outbox =
        new FakeOutbox() {
          @Override
          public List<OutboxEvent> since(Instant from, int limit) {
            switch (polls.incrementAndGet()) {
              case 1:
                throw new IllegalStateException("database unreachable");
              case 2:
                throw new StackOverflowError("a poll that ran out of stack");
              default:
                return List.of(event);
            }
          }
        };
    BlockingQueue<OutboxEvent> received = new LinkedBlockingQueue<>();
    DefaultChangeFeed feed = feed(outbox);

    feed.subscribe(workspace, null, listener(received));

    OutboxEvent delivered = received.poll(10, TimeUnit.SECONDS);
    assertEquals(7L, delivered == null ? -1 : delivered.id());
    assertTrue(polls.get() >= 3);
  }

  @Test
  void should_drop_a_subscriber_whose_listener_fails_and_serve_the_others() throws Exception {
    OutboxEvent event = eventWithId(8);
    DefaultChangeFeed feed =
        feed(
            new FakeOutbox() {
              @Override
              public List<OutboxEvent> since(Instant from, int limit) {
                return List.of(event);
              }
            });
    BlockingQueue<OutboxEvent> received = new LinkedBlockingQueue<>();
    feed.subscribe(
        workspace,
        null,
        new ChangeFeed.Listener() {
          @Override
          public boolean onEvent(OutboxEvent e) {
            throw new IllegalStateException("client went away mid-write");
          }

          @Override
          public boolean onIdle() {
            return true;
          }
        });
    feed.subscribe(workspace, null, listener(received));

    OutboxEvent delivered = received.poll(10, TimeUnit.SECONDS);
    assertEquals(8L, delivered == null ? -1 : delivered.id());
  }

  private DefaultChangeFeed feed(Outbox outbox) {
    DefaultChangeFeed feed = new DefaultChangeFeed();
    feed.outbox = outbox;
    feed.scheduler = managed(executor);
    feed.access =
        new WorkspaceAccess() {
          @Override
          public WorkspaceRole require(WorkspaceId workspace, WorkspaceRole minimum) {
            return WorkspaceRole.OWNER;
          }
        };
    return feed;
  }

  private OutboxEvent eventWithId(long id) throws ReflectiveOperationException {
    // Occurs a second from now: events from before subscribing are not news.
    OutboxEvent event =
        new OutboxEvent(
            workspace,
            "taskWasCreated",
            "Task",
            "t1",
            WorkspaceRole.VIEWER,
            "{}",
            "u1",
            Instant.now().plusSeconds(1),
            null);
    var field = OutboxEvent.class.getDeclaredField("id");
    field.setAccessible(true);
    field.set(event, id);
    return event;
  }

  private static ChangeFeed.Listener listener(BlockingQueue<OutboxEvent> received) {
    return new ChangeFeed.Listener() {
      @Override
      public boolean onEvent(OutboxEvent event) {
        received.add(event);
        return true;
      }

      @Override
      public boolean onIdle() {
        return true;
      }
    };
  }

  /** The container's scheduler, played by a plain one: only the executor methods are used. */
  private static ManagedScheduledExecutorService managed(ScheduledThreadPoolExecutor executor) {
    return (ManagedScheduledExecutorService)
        Proxy.newProxyInstance(
            ManagedScheduledExecutorService.class.getClassLoader(),
            new Class<?>[] {ManagedScheduledExecutorService.class},
            (proxy, method, args) -> {
              try {
                return method.invoke(executor, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private abstract static class FakeOutbox implements Outbox {
    @Override
    public void add(OutboxEvent event) {}

    @Override
    public List<OutboxEvent> after(WorkspaceId workspace, long afterId, int limit) {
      return List.of();
    }
  }
}
