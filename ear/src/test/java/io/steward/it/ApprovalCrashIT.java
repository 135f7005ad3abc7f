package io.steward.it;

import static io.steward.it.support.Steward.ok;
import static io.steward.it.support.Steward.tokenFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import io.steward.it.support.AgentRuns;
import io.steward.it.support.Approvals;
import io.steward.it.support.ScriptedModel;
import io.steward.it.support.Steward;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * An approved agent write is applied exactly once however the server dies around it: killed (kill
 * -9) after the decision was committed and before the apply began, or inside the apply transaction
 * before it committed, the server comes back and its sweep applies the request, once. A sweep that
 * meets an apply which is only slow leaves it to finish alone. The test environment holds an
 * approval at a point on request ({@code it-env.sh hold-approvals}), so the crash hits that point.
 */
// Crashes the server and holds approvals, which no other test may see.
@Isolated
class ApprovalCrashIT {

  /** The sweep's start-up pass runs within 10 s of the restart; the rest is a busy machine. */
  private static final Duration RECOVERY = Duration.ofSeconds(30);

  @RegisterExtension static final ScriptedModel model = new ScriptedModel();

  @AfterEach
  void releaseHeldApprovals() throws Exception {
    Steward.itEnv("release-approvals");
  }

  @Test
  void should_apply_once_after_a_crash_between_the_decision_and_the_apply() throws Exception {
    HeldTask held = HeldTask.request("Crash after deciding");

    CompletableFuture<Response> decision = held.decideHeldAt("decided");
    assertEquals("APPROVED", held.state());
    held.crashAndAwaitApplied(decision);

    held.assertAppliedOnce();
  }

  @Test
  void should_apply_once_after_a_crash_inside_the_apply_transaction() throws Exception {
    HeldTask held = HeldTask.request("Crash while applying");

    CompletableFuture<Response> decision = held.decideHeldAt("applying");
    // The task is written and APPLIED set, but not committed: others still see neither.
    assertEquals("APPLYING", held.state());
    assertEquals(0, held.tasksWithTitle());
    held.crashAndAwaitApplied(decision);

    held.assertAppliedOnce();
  }

  @Test
  void should_apply_once_when_the_sweep_meets_an_apply_slower_than_its_stall_limit()
      throws Exception {
    HeldTask held = HeldTask.request("Slow apply");

    CompletableFuture<Response> decision = held.decideHeldAt("applying");
    // Past the sweep's 30 s stall limit and at least one sweep more, the apply still open.
    Thread.sleep(45_000);
    assertEquals("APPLYING", held.state());
    Steward.itEnv("release-approvals");

    // It answers when the apply is done, or the 15 s request limit cut it short; either way:
    decision.get(60, TimeUnit.SECONDS);
    Approvals.awaitState(held.token, held.ws, held.approval, "APPLIED", RECOVERY);
    held.assertAppliedOnce();
  }

  /** A fresh workspace where the task agent's {@code create_task} of one title waits. */
  private record HeldTask(String ws, String token, String title, String approval) {

    static HeldTask request(String name) {
      String ws = Steward.newWorkspace("alice", name);
      String alice = tokenFor("alice");
      Approvals.addRule(
          alice,
          ws,
          Map.of(
              "name",
              "Hold tasks",
              "priority",
              10,
              "tools",
              List.of("create_task"),
              "decision",
              "APPROVE"));
      String title = name + " " + AgentRuns.newId("task");
      return new HeldTask(
          ws,
          alice,
          title,
          Approvals.held(model, alice, ws, "task", "create_task", Approvals.json("title", title)));
    }

    String state() {
      return (String) Approvals.approval(token, ws, approval).get("state");
    }

    /** Approves on another thread and returns once the server holds the approval at point. */
    CompletableFuture<Response> decideHeldAt(String point) throws Exception {
      Steward.itEnv("hold-approvals", point);
      CompletableFuture<Response> decision =
          CompletableFuture.supplyAsync(
              () -> Approvals.sendDecision(token, ws, approval, "APPROVE"));
      Steward.itEnv("await-approval-hold");
      return decision;
    }

    /**
     * Kills the server, which the supervisor starts again, and waits until the sweep has applied
     * the request; the decision the crash cut off never answers.
     */
    void crashAndAwaitApplied(CompletableFuture<Response> decision) throws Exception {
      Steward.itEnv("crash-server");
      Instant ready = Instant.now();
      try {
        Response cutOff = decision.get(30, TimeUnit.SECONDS);
        throw new AssertionError("the crash answered the decision: " + cutOff.asString());
      } catch (ExecutionException expected) {
        // the connection died with the server
      }
      // A fresh token: the restart may outlast the first one (5 minutes) on a busy machine.
      String fresh = tokenFor("alice");
      Approvals.awaitState(fresh, ws, approval, "APPLIED", RECOVERY);
      System.out.printf(
          "ApprovalCrashIT: applied %d ms after the server was ready again%n",
          Duration.between(ready, Instant.now()).toMillis());
    }

    int tasksWithTitle() {
      return ok(
              tokenFor("alice"),
              "query($ws: ID!, $q: String) { tasks(workspaceId: $ws, filter: {search: $q})"
                  + " { totalCount } }",
              Map.of("ws", ws, "q", title))
          .getInt("data.tasks.totalCount");
    }

    /** One task, one audit entry of it, one of the approval applied, and the request says so. */
    void assertAppliedOnce() {
      String alice = tokenFor("alice");
      assertEquals(1, tasksWithTitle());
      Map<String, Object> request = Approvals.approval(alice, ws, approval);
      assertEquals("APPLIED", request.get("state"));
      assertTrue(((String) request.get("result")).contains(title), request.toString());
      List<String> actions =
          ok(
                  alice,
                  "query($ws: ID!) { auditLog(workspaceId: $ws, first: 100)"
                      + " { edges { node { action } } } }",
                  Map.of("ws", ws))
              .getList("data.auditLog.edges.node.action");
      assertEquals(1, Collections.frequency(actions, "task.created"), actions.toString());
      assertEquals(1, Collections.frequency(actions, "approval.applied"), actions.toString());
    }
  }
}
