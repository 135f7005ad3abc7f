package io.steward.agent.application.internal;

import io.steward.agent.application.internal.LiveRuns.LiveRun;
import io.steward.agent.domain.RunEvent;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Takes a run's events as they are written: numbers them, hands them at once to the clients
 * watching live, and stores them in batches (a batch at most {@link #FLUSH_MILLIS} old), since live
 * watchers are served from memory and the store is for replays after the run.
 */
final class RunRecorder {

  static final long FLUSH_MILLIS = 250;
  private static final int FLUSH_EVENTS = 64;

  private final UUID run;
  private final LiveRun live;
  private final RunStore store;
  private final List<RunEvent> unsaved = new ArrayList<>();
  private long oldestUnsaved;
  private int count;

  RunRecorder(UUID run, LiveRun live, RunStore store) {
    this.run = run;
    this.live = live;
    this.store = store;
  }

  void record(JsonObject event) {
    String json = event.toString();
    count = live.append(json);
    if (unsaved.isEmpty()) {
      oldestUnsaved = System.currentTimeMillis();
    }
    unsaved.add(new RunEvent(run, count, event.getString("type"), json));
    if (unsaved.size() >= FLUSH_EVENTS) {
      flush();
    }
  }

  /** Stores the batch if it has waited long enough; called whenever the run is idle. */
  void flushIfDue() {
    if (!unsaved.isEmpty() && System.currentTimeMillis() - oldestUnsaved >= FLUSH_MILLIS) {
      flush();
    }
  }

  void flush() {
    if (!unsaved.isEmpty()) {
      store.addEvents(List.copyOf(unsaved));
      unsaved.clear();
    }
  }

  int count() {
    return count;
  }
}
