package io.steward.workspace.infrastructure.keycloak;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Undo steps for directory writes made in one transaction, run newest first if it rolls back. */
class Compensations implements Synchronization {

  private static final Logger LOG = Logger.getLogger(Compensations.class.getName());

  private final Deque<Runnable> undoSteps = new ArrayDeque<>();

  void add(Runnable undo) {
    undoSteps.push(undo);
  }

  @Override
  public void beforeCompletion() {}

  @Override
  public void afterCompletion(int status) {
    if (status == Status.STATUS_COMMITTED) {
      return;
    }
    while (!undoSteps.isEmpty()) {
      try {
        undoSteps.pop().run();
      } catch (RuntimeException e) {
        // Keep undoing the rest; the log names the step that could not be undone.
        LOG.log(
            Level.SEVERE, "Could not undo a Keycloak change after a rollback: " + e.getMessage());
      }
    }
  }
}
