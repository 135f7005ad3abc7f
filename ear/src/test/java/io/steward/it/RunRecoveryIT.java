package io.steward.it;

import static io.steward.it.support.Steward.ACME;
import static io.steward.it.support.Steward.tokenFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import io.steward.it.support.AgUiStream;
import io.steward.it.support.AgentRuns;
import io.steward.it.support.ScriptedModel;
import io.steward.it.support.ScriptedModelServer;
import io.steward.it.support.Steward;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * A run whose server dies under it is not left "running" for ever: after the server comes back, the
 * run is failed and its stored stream ends with a {@code RUN_ERROR} clients can replay.
 */
// Crashes the server, which no other test may see.
@Isolated
class RunRecoveryIT {

  @RegisterExtension static final ScriptedModel model = new ScriptedModel();

  @Test
  void should_fail_a_run_cut_off_by_a_crash_on_restart() throws Exception {
    String alice = tokenFor("alice");
    String runId = AgentRuns.newId("run");
    String[] words = new String[60];
    java.util.Arrays.fill(words, "slowly ");
    model.enqueue(
        ScriptedModelServer.reply().text(words).delayBeforeEachChunk(Duration.ofMillis(500)));
    try (AgUiStream.Live live =
        AgentRuns.start(
            alice,
            AgentRuns.runsPath(ACME, "task"),
            AgentRuns.input(AgentRuns.newId("thread"), runId, "Take your time", null))) {
      live.nextOfType("TEXT_MESSAGE_CONTENT", Duration.ofSeconds(15));
      // Let a batch of events reach the database before the crash.
      Thread.sleep(1500);
      Steward.itEnv("crash-server");
    }

    // A fresh token: the restart may outlast the first one (5 minutes) on a busy machine.
    alice = tokenFor("alice");
    JsonPath run = AgentRuns.stored(alice, ACME, runId, "status errorCode eventCount");
    assertEquals("FAILED", run.getString("data.agentRun.status"));
    assertEquals("SERVER_RESTARTED", run.getString("data.agentRun.errorCode"));

    AgUiStream replay =
        AgUiStream.parse(AgentRuns.joinResponse(alice, ACME, runId).body()).verify();
    assertEquals("RUN_STARTED", replay.events().get(0).type());
    assertEquals("RUN_ERROR", replay.last().type());
    assertEquals("SERVER_RESTARTED", replay.last().field("code"));
    assertEquals(run.getInt("data.agentRun.eventCount"), replay.events().size());
  }
}
