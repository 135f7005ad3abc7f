package io.steward.agent.application.internal;

import io.steward.agent.domain.AgentRun;
import io.steward.agent.domain.AgentRuns;
import io.steward.agent.domain.RunEvent;
import io.steward.agent.domain.RunStatus;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * At start-up, ends the runs this instance was executing when it went down: each gets a final
 * {@code RUN_ERROR} event, so clients replaying it see it end, and the status failed.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class RunRecovery {

  static final String CODE = "SERVER_RESTARTED";
  private static final Logger LOG = Logger.getLogger(RunRecovery.class.getName());

  @Inject AgentRuns runs;
  @Inject RunStore store;

  @PostConstruct
  void failInterruptedRuns() {
    List<AgentRun> interrupted = runs.running(DefaultAgentRunService.NODE);
    for (AgentRun run : interrupted) {
      int sequence = runs.lastSequence(run) + 1;
      List<JsonObject> ending = new ArrayList<>();
      new AgUiWriter(run.threadId(), run.runId(), ending::add, Clock.systemUTC())
          .runError(
              "The server restarted while this run was in progress.",
              CODE,
              JsonValue.EMPTY_JSON_ARRAY);
      String error = ending.get(0).toString();
      store.addEvents(List.of(new RunEvent(run.id(), sequence, "RUN_ERROR", error)));
      store.finish(
          run.id(), RunStatus.FAILED, CODE, run.inputTokens(), run.outputTokens(), sequence);
    }
    if (!interrupted.isEmpty()) {
      LOG.info("Marked " + interrupted.size() + " interrupted run(s) as failed");
    }
  }
}
