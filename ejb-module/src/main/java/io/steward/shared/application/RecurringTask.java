package io.steward.shared.application;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Background work that runs again after any failure. A task scheduled at a fixed rate or delay that
 * throws — an exception, or an error such as a {@link StackOverflowError} — is never run again by
 * its executor, and whatever waits on it (a live feed, a health answer) then waits for ever without
 * a word in the log. This wrapper logs the first failure of an outage as a warning, repeats quietly
 * and says when the task works again.
 */
public final class RecurringTask implements Runnable {

  private static final Logger LOG = Logger.getLogger(RecurringTask.class.getName());

  private final String name;
  private final Runnable body;
  private volatile boolean failing;

  public RecurringTask(String name, Runnable body) {
    this.name = name;
    this.body = body;
  }

  @Override
  public void run() {
    try {
      body.run();
      if (failing) {
        failing = false;
        LOG.info(() -> name + " works again");
      }
    } catch (Throwable e) {
      LOG.log(failing ? Level.FINE : Level.WARNING, name + " failed; it runs again on schedule", e);
      failing = true;
    }
  }

  /** True between a failure and the next run that succeeds. */
  public boolean failing() {
    return failing;
  }
}
