package io.steward.shared.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecurringTaskTest {

  @Test
  void should_keep_a_scheduled_task_running_through_exceptions_and_errors() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch fourRuns = new CountDownLatch(4);
    RecurringTask task =
        new RecurringTask(
            "test task",
            () -> {
              int run = runs.incrementAndGet();
              fourRuns.countDown();
              if (run == 1) {
                throw new IllegalStateException("first run fails");
              }
              if (run == 2) {
                throw new StackOverflowError("second run fails worse");
              }
            });
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);
    try {
      executor.scheduleWithFixedDelay(task, 0, 10, TimeUnit.MILLISECONDS);
      assertTrue(fourRuns.await(5, TimeUnit.SECONDS), "ran " + runs.get() + " times");
      assertFalse(task.failing());
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void should_report_failing_until_a_run_succeeds() {
    AtomicInteger runs = new AtomicInteger();
    RecurringTask task =
        new RecurringTask(
            "test task",
            () -> {
              if (runs.incrementAndGet() == 1) {
                throw new AssertionError("boom");
              }
            });
    task.run();
    assertTrue(task.failing());
    task.run();
    assertFalse(task.failing());
  }
}
