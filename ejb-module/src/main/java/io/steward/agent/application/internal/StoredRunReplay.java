package io.steward.agent.application.internal;

import io.steward.agent.application.RunListener;
import io.steward.agent.domain.AgentRun;
import io.steward.agent.domain.AgentRuns;
import io.steward.agent.domain.RunEvent;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves a run that is not executing on this instance from the database: a finished run's events at
 * once, and a run executing on another instance by reading its new events every half second until
 * it finishes.
 */
@ApplicationScoped
public class StoredRunReplay {

  private static final Logger LOG = Logger.getLogger(StoredRunReplay.class.getName());
  private static final long POLL_MILLIS = 500;
  private static final int BATCH = 500;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject AgentRuns runs;

  void start(AgentRun run, int afterSequence, RunListener listener) {
    scheduler.execute(() -> send(run, afterSequence, listener));
  }

  private void send(AgentRun run, int afterSequence, RunListener listener) {
    try {
      int sent = afterSequence;
      boolean finished;
      List<RunEvent> events;
      do {
        // Read the status before the events: events stored before a run finishes are all seen.
        finished = runs.run(run.workspaceId(), run.runId()).map(AgentRun::finished).orElse(true);
        events = runs.events(run, sent, BATCH);
        for (RunEvent event : events) {
          if (!listener.onEvent(event.sequence(), event.payload())) {
            listener.onEnd();
            return;
          }
          sent = event.sequence();
        }
      } while (events.size() == BATCH);
      if (finished) {
        listener.onEnd();
      } else {
        int resumeAfter = sent;
        scheduler.schedule(
            () -> send(run, resumeAfter, listener), POLL_MILLIS, TimeUnit.MILLISECONDS);
      }
    } catch (RuntimeException | Error e) {
      // Whatever went wrong, the client's stream ends rather than waiting for ever.
      LOG.log(Level.WARNING, "Could not replay run " + run.runId(), e);
      listener.onEnd();
    }
  }
}
