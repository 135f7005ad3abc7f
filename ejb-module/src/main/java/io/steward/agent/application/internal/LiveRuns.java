package io.steward.agent.application.internal;

import io.steward.agent.application.RunListener;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The runs executing on this server instance, each with its events so far (in memory) and the
 * clients watching it. Publishing an event never waits for a client: each listener is fed by its
 * own drain task on a worker thread, which exists only while that listener has events to send, so a
 * slow client delays nobody else and thousands of idle streams hold no threads.
 */
@ApplicationScoped
public class LiveRuns {

  private static final Logger LOG = Logger.getLogger(LiveRuns.class.getName());
  private static final int MAX_SENDING_THREADS = 512;

  @Resource ManagedThreadFactory threadFactory;

  private final Map<UUID, LiveRun> runs = new ConcurrentHashMap<>();
  private ExecutorService senders;

  @PostConstruct
  void start() {
    senders =
        new ThreadPoolExecutor(
            0, MAX_SENDING_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), threadFactory);
  }

  @PreDestroy
  void stop() {
    runs.values().forEach(LiveRun::end);
    senders.shutdown();
  }

  /** Registers a run that starts executing here. */
  public LiveRun open(UUID run) {
    LiveRun live = new LiveRun(run);
    runs.put(run, live);
    return live;
  }

  public Optional<LiveRun> find(UUID run) {
    return Optional.ofNullable(runs.get(run));
  }

  /** Forgets a run once its events are all stored; watchers keep what they hold. */
  void close(LiveRun live) {
    runs.remove(live.run, live);
  }

  /** One executing run: its events in order (sequence n at index n - 1) and its watchers. */
  public final class LiveRun {
    private final UUID run;
    private final List<String> events = new ArrayList<>();
    private final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();
    private volatile boolean ended;
    private volatile boolean cancelRequested;

    private LiveRun(UUID run) {
      this.run = run;
    }

    /** Appends the next event and returns its sequence number. */
    int append(String json) {
      int sequence;
      synchronized (this) {
        events.add(json);
        sequence = events.size();
      }
      watchers.forEach(Watcher::wake);
      return sequence;
    }

    void end() {
      ended = true;
      watchers.forEach(Watcher::wake);
    }

    public void requestCancel() {
      cancelRequested = true;
    }

    boolean cancelRequested() {
      return cancelRequested;
    }

    /** Sends the events after {@code afterSequence}, then the live ones as they come. */
    public void watch(int afterSequence, RunListener listener) {
      Watcher watcher = new Watcher(this, afterSequence, listener);
      watchers.add(watcher);
      watcher.wake();
    }

    private synchronized List<String> eventsAfter(int sequence) {
      return sequence >= events.size()
          ? List.of()
          : new ArrayList<>(events.subList(sequence, events.size()));
    }
  }

  /** Feeds one listener; at most one drain task per watcher runs at a time. */
  private final class Watcher {
    private final LiveRun live;
    private final RunListener listener;
    private int sent;
    private boolean draining;
    private boolean pending;

    Watcher(LiveRun live, int afterSequence, RunListener listener) {
      this.live = live;
      this.sent = afterSequence;
      this.listener = listener;
    }

    void wake() {
      synchronized (this) {
        if (draining) {
          pending = true;
          return;
        }
        draining = true;
      }
      try {
        senders.execute(this::drain);
      } catch (RejectedExecutionException e) {
        LOG.log(Level.WARNING, "Could not feed a run stream; dropping it", e);
        drop();
      }
    }

    private void drain() {
      while (true) {
        boolean ended = live.ended;
        List<String> batch = live.eventsAfter(sent);
        for (String event : batch) {
          if (!listener.onEvent(sent + 1, event)) {
            drop();
            return;
          }
          sent++;
        }
        synchronized (this) {
          if (pending) {
            pending = false;
            continue;
          }
          if (batch.isEmpty() && ended) {
            break;
          }
          if (batch.isEmpty()) {
            draining = false;
            return;
          }
        }
      }
      drop();
    }

    private void drop() {
      live.watchers.remove(this);
      listener.onEnd();
    }
  }
}
