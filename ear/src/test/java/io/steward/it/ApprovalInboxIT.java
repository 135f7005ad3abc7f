package io.steward.it;

import static io.steward.it.support.Approvals.APPROVAL;
import static io.steward.it.support.Approvals.DECIDE;
import static io.steward.it.support.Approvals.DECIDE_ALL;
import static io.steward.it.support.Approvals.INBOX;
import static io.steward.it.support.Approvals.approval;
import static io.steward.it.support.Approvals.decide;
import static io.steward.it.support.Approvals.held;
import static io.steward.it.support.Approvals.json;
import static io.steward.it.support.Approvals.vars;
import static io.steward.it.support.Steward.errorCode;
import static io.steward.it.support.Steward.graphql;
import static io.steward.it.support.Steward.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.steward.it.support.AgentRuns;
import io.steward.it.support.Approvals;
import io.steward.it.support.Approvals.ToolCall;
import io.steward.it.support.ChangeFeed;
import io.steward.it.support.Records;
import io.steward.it.support.Records.Team;
import io.steward.it.support.ScriptedModel;
import io.steward.it.support.Steward;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The approvals inbox through GraphQL: agent writes the policy holds (a scripted model proposes
 * them in a real run), listed across threads with filters and cursor pages, shown with what they
 * would change, decided once (compare-and-set, also under a race), applied exactly once with the
 * decider's edits if any, failed instead of overwriting a person's newer change, decided in
 * batches, expired when nobody decides, and announced on the change feed.
 */
class ApprovalInboxIT {

  private static final String TASK =
      "query($ws: ID!, $id: ID!) { task(workspaceId: $ws, id: $id)" + " { title status version } }";

  private static final Map<String, Object> NOTES_BY_ADMINS =
      Map.of(
          "name", "Notes go only by an admin",
          "priority", 20,
          "tools", List.of("delete_note"),
          "decision", "APPROVE",
          "deciders", "ADMINS");

  @RegisterExtension static final ScriptedModel model = new ScriptedModel();
  private static final ExecutorService deciders = Executors.newFixedThreadPool(2);
  private static Team team;
  private static String daveId;
  private static String erinId;

  @BeforeAll
  static void setUp() {
    team = Team.create("Inbox");
    daveId = Steward.userId("dave");
    erinId = Steward.userId("erin");
    // Task updates apply at once by default in a chat; these tests need them held.
    Approvals.addRule(
        team.owner(),
        team.ws(),
        Map.of(
            "name",
            "Task updates wait",
            "priority",
            10,
            "tools",
            List.of("update_task"),
            "decision",
            "APPROVE"));
    Approvals.addRule(team.owner(), team.ws(), NOTES_BY_ADMINS);
  }

  @AfterAll
  static void stopDeciders() {
    deciders.shutdownNow();
  }

  @Test
  void should_hold_a_delete_and_show_what_it_would_change() throws Exception {
    String task = Records.task(team.owner(), team.ws(), "Archive the invoices");
    String thread = AgentRuns.newId("thread");
    String run = AgentRuns.newId("run");
    OffsetDateTime before = OffsetDateTime.now();

    ToolCall delete =
        new ToolCall(
            "call_del",
            "delete_task",
            json("taskId", task, "reason", "It is done", "confidence", 0.8));

    String id =
        Approvals.idsOfHeld(
                Approvals.run(
                    model,
                    team.owner(),
                    team.ws(),
                    "task",
                    AgentRuns.input(thread, run, "Delete it", null),
                    delete),
                delete)
            .get(0);
    Map<String, Object> approval = approval(team.member(), team.ws(), id);

    assertEquals("PENDING", approval.get("state"));
    assertEquals("task", approval.get("agent"));
    assertEquals("delete_task", approval.get("tool"));
    assertEquals("DELETE", approval.get("operation"));
    assertEquals(json("taskId", task), approval.get("arguments"));
    assertEquals(sha256((String) approval.get("arguments")), approval.get("argumentsHash"));
    assertEquals("It is done", approval.get("reason"));
    assertEquals(0.8, ((Number) approval.get("confidence")).doubleValue(), 1e-6);
    assertEquals("task", approval.get("recordType"));
    assertEquals(task, approval.get("recordId"));
    assertEquals(0, approval.get("recordVersion"));
    assertEquals("Archive the invoices", approval.get("recordLabel"));
    assertEquals(
        "Archive the invoices",
        Approvals.parse((String) approval.get("before")).get("title").asText());
    assertNull(approval.get("after"));
    assertEquals("CHAT", approval.get("requesterKind"));
    assertEquals(daveId, approval.get("requestedBy"));
    assertEquals(run, approval.get("runId"));
    assertEquals(thread, approval.get("threadId"));
    assertEquals("call_del", approval.get("toolCallId"));
    assertEquals("Deletes wait for a person", approval.get("ruleName"));
    assertEquals("WRITERS", approval.get("deciders"));
    OffsetDateTime requestedAt = OffsetDateTime.parse((String) approval.get("requestedAt"));
    OffsetDateTime expiresAt = OffsetDateTime.parse((String) approval.get("expiresAt"));
    assertTrue(!requestedAt.isBefore(before.minusSeconds(5)), requestedAt::toString);
    assertTrue(
        Math.abs(Duration.between(requestedAt.plusHours(72), expiresAt).toSeconds()) < 60,
        () -> "expires 72 h after the request: " + expiresAt);
    assertNull(approval.get("decidedBy"));
    assertEquals(
        "Archive the invoices",
        ok(team.owner(), TASK, Map.of("ws", team.ws(), "id", task)).getString("data.task.title"),
        "nothing happens before a person decides");
  }

  @Test
  void should_show_an_update_as_before_and_after() {
    String task = Records.task(team.owner(), team.ws(), "Draft the brief");

    String id =
        held(
            model,
            team.owner(),
            team.ws(),
            "task",
            "update_task",
            json("taskId", task, "title", "Draft the short brief"));
    Map<String, Object> approval = approval(team.owner(), team.ws(), id);

    assertEquals("UPDATE", approval.get("operation"));
    assertEquals("Task updates wait", approval.get("ruleName"));
    assertEquals(List.of("title"), approval.get("changedFields"));
    assertEquals(
        "Draft the brief", Approvals.parse((String) approval.get("before")).get("title").asText());
    assertEquals(
        "Draft the short brief",
        Approvals.parse((String) approval.get("after")).get("title").asText());
  }

  @Test
  void should_list_the_inbox_by_filters_and_cursor_pages() {
    Team own = Team.create("Inbox pages");
    Approvals.addRule(own.owner(), own.ws(), NOTES_BY_ADMINS);
    String first = Records.task(own.owner(), own.ws(), "One");
    String second = Records.task(own.owner(), own.ws(), "Two");
    String note = Records.note(own.member(), own.ws(), "Three");
    List<String> tasks =
        Approvals.held(
            model,
            own.owner(),
            own.ws(),
            "task",
            new ToolCall("call_1", "delete_task", json("taskId", first)),
            new ToolCall("call_2", "delete_task", json("taskId", second)));
    String noteRequest =
        held(model, own.member(), own.ws(), "note", "delete_note", json("noteId", note));
    decide(own.owner(), own.ws(), tasks.get(1), "REJECT", "Keep it", null);

    assertEquals(3, inbox(own, null).getInt("data.approvals.totalCount"));
    assertEquals(
        List.of(noteRequest, tasks.get(0)).stream().sorted().toList(),
        ids(inbox(own, Map.of("states", List.of("PENDING")))).stream().sorted().toList());
    assertEquals(List.of(tasks.get(1)), ids(inbox(own, Map.of("states", List.of("REJECTED")))));
    assertEquals(List.of(noteRequest), ids(inbox(own, Map.of("tools", List.of("delete_note")))));
    assertEquals(List.of(noteRequest), ids(inbox(own, Map.of("agents", List.of("note")))));
    assertEquals(
        2, inbox(own, Map.of("agents", List.of("task"))).getInt("data.approvals.totalCount"));
    assertEquals(List.of(noteRequest), ids(inbox(own, Map.of("requestedBy", List.of(erinId)))));
    assertEquals(
        List.of(tasks.get(0)),
        ids(Approvals.inbox(own.member(), own.ws(), Map.of("decidableByMe", true), null, null)));
    assertEquals(
        List.of(),
        ids(inbox(own, Map.of("tools", List.of("delete_task"), "agents", List.of("note")))));

    List<String> paged = new ArrayList<>();
    String after = null;
    boolean more = true;
    while (more) {
      JsonPath page = Approvals.inbox(own.member(), own.ws(), null, 2, after);
      paged.addAll(ids(page));
      more = page.getBoolean("data.approvals.pageInfo.hasNextPage");
      after = page.getString("data.approvals.pageInfo.endCursor");
    }
    assertEquals(
        ids(inbox(own, null)), paged, "pages of two give the whole list, newest first, once");
    assertEquals(noteRequest, paged.get(0), "the newest comes first");
  }

  @Test
  void should_keep_viewers_out_of_the_inbox() {
    String task = Records.task(team.owner(), team.ws(), "Secretive");
    String id = held(model, team.owner(), team.ws(), "task", "delete_task", json("taskId", task));

    assertEquals("FORBIDDEN", errorCode(team.viewer(), INBOX, Map.of("ws", team.ws())));
    assertEquals(
        "FORBIDDEN", errorCode(team.viewer(), APPROVAL, Map.of("ws", team.ws(), "id", id)));
    assertEquals(
        "FORBIDDEN",
        errorCode(team.viewer(), DECIDE, Map.of("ws", team.ws(), "id", id, "decision", "APPROVE")));
    assertEquals("PENDING", approval(team.owner(), team.ws(), id).get("state"));
  }

  @Test
  void should_apply_an_approved_delete_once_and_audit_it() {
    String task = Records.task(team.owner(), team.ws(), "Old reminder");
    String id = held(model, team.owner(), team.ws(), "task", "delete_task", json("taskId", task));

    Map<String, Object> decided = decide(team.member(), team.ws(), id, "APPROVE", "Fine", null);

    assertEquals("APPLIED", decided.get("state"));
    assertEquals(erinId, decided.get("decidedBy"));
    assertEquals("Fine", decided.get("comment"));
    assertNotNull(decided.get("decidedAt"));
    assertNotNull(decided.get("finishedAt"));
    assertEquals(
        task, Approvals.parse((String) decided.get("result")).path("deleted").path("id").asText());
    assertEquals("NOT_FOUND", errorCode(team.owner(), TASK, Map.of("ws", team.ws(), "id", task)));
    assertEquals(1, deletionsOf(task), "the deletion is audited once");
    assertEquals(
        "CONFLICT",
        errorCode(team.owner(), DECIDE, Map.of("ws", team.ws(), "id", id, "decision", "APPROVE")));
    assertEquals("APPLIED", approval(team.owner(), team.ws(), id).get("state"));
  }

  @Test
  void should_leave_the_data_as_it_was_when_rejected() {
    String task = Records.task(team.owner(), team.ws(), "Still needed");
    String id = held(model, team.owner(), team.ws(), "task", "delete_task", json("taskId", task));

    Map<String, Object> decided = decide(team.owner(), team.ws(), id, "REJECT", "We need it", null);

    assertEquals("REJECTED", decided.get("state"));
    assertEquals("We need it", decided.get("comment"));
    assertEquals(daveId, decided.get("decidedBy"));
    assertNull(decided.get("result"));
    assertEquals(
        "Still needed",
        ok(team.owner(), TASK, Map.of("ws", team.ws(), "id", task)).getString("data.task.title"));
    assertEquals(0, deletionsOf(task));
    assertEquals(
        "CONFLICT",
        errorCode(team.member(), DECIDE, Map.of("ws", team.ws(), "id", id, "decision", "APPROVE")));
  }

  @Test
  void should_let_exactly_one_of_two_concurrent_decisions_win() throws Exception {
    for (int round = 0; round < 3; round++) {
      String task = Records.task(team.owner(), team.ws(), "Raced " + round);
      String id = held(model, team.owner(), team.ws(), "task", "delete_task", json("taskId", task));
      CountDownLatch start = new CountDownLatch(1);
      List<Future<JsonPath>> decisions = new ArrayList<>();
      for (String token : List.of(team.owner(), team.member())) {
        Callable<JsonPath> decision =
            () -> {
              start.await();
              return graphql(
                      token, DECIDE, Map.of("ws", team.ws(), "id", id, "decision", "APPROVE"))
                  .jsonPath();
            };
        decisions.add(deciders.submit(decision));
      }
      start.countDown();
      List<JsonPath> answers = new ArrayList<>();
      for (Future<JsonPath> decision : decisions) {
        answers.add(decision.get());
      }

      List<JsonPath> won = answers.stream().filter(a -> a.get("errors") == null).toList();
      List<JsonPath> lost = answers.stream().filter(a -> a.get("errors") != null).toList();
      assertEquals(1, won.size(), () -> "one decision wins: " + prettify(answers));
      assertEquals(
          "CONFLICT", lost.get(0).getString("errors[0].extensions.code"), () -> prettify(answers));
      assertEquals("APPLIED", won.get(0).getString("data.decideApproval.state"));
      assertEquals(1, deletionsOf(task), "the task was deleted exactly once");
      Map<String, Object> approval = approval(team.owner(), team.ws(), id);
      assertEquals("APPLIED", approval.get("state"));
      assertEquals(
          won.get(0).getString("data.decideApproval.decidedBy"), approval.get("decidedBy"));
    }
  }

  @Test
  void should_apply_the_deciders_edits_instead_of_the_proposed_arguments() {
    String task = Records.task(team.owner(), team.ws(), "Book a room");
    String id =
        held(
            model,
            team.owner(),
            team.ws(),
            "task",
            "update_task",
            json("taskId", task, "title", "Book a big room"));

    Map<String, Object> decided =
        decide(
            team.member(),
            team.ws(),
            id,
            "APPROVE",
            "A small one will do",
            json("taskId", task, "title", "Book a small room", "priority", "high"));

    assertEquals("APPLIED", decided.get("state"), decided::toString);
    assertEquals(json("taskId", task, "title", "Book a big room"), decided.get("arguments"));
    assertEquals(
        "Book a small room",
        Approvals.parse((String) decided.get("editedArguments")).get("title").asText());
    JsonPath now = ok(team.owner(), TASK, Map.of("ws", team.ws(), "id", task));
    assertEquals("Book a small room", now.getString("data.task.title"));
    assertEquals(1, now.getInt("data.task.version"), "changed once");
  }

  @Test
  void should_refuse_invalid_edits_and_keep_the_request_pending() {
    String task = Records.task(team.owner(), team.ws(), "Order paper");
    String other = Records.task(team.owner(), team.ws(), "Order ink");
    String id =
        held(
            model,
            team.owner(),
            team.ws(),
            "task",
            "update_task",
            json("taskId", task, "title", "Order recycled paper"));

    assertInvalidEdit(id, "APPROVE", "{not json", "arguments");
    assertInvalidEdit(id, "APPROVE", json("taskId", task, "title", 5), "title");
    assertInvalidEdit(id, "APPROVE", json("taskId", task, "priority", "urgent"), "priority");
    assertInvalidEdit(id, "APPROVE", json("taskId", other, "title", "Order ink"), "arguments");
    assertInvalidEdit(id, "REJECT", json("taskId", task, "title", "Order paper"), "arguments");

    assertEquals("PENDING", approval(team.owner(), team.ws(), id).get("state"));
    assertEquals(
        "Order paper",
        ok(team.owner(), TASK, Map.of("ws", team.ws(), "id", task)).getString("data.task.title"));
  }

  @Test
  void should_fail_instead_of_overwriting_a_change_made_since_the_request() {
    String task = Records.task(team.owner(), team.ws(), "Write the report");
    String id =
        held(
            model,
            team.owner(),
            team.ws(),
            "task",
            "update_task",
            json("taskId", task, "title", "Write the summary"));
    ok(
        team.member(),
        "mutation($ws: ID!, $id: ID!) { changeTaskStatus(workspaceId: $ws, id: $id, status: DONE)"
            + " { id } }",
        Map.of("ws", team.ws(), "id", task));

    Map<String, Object> decided = decide(team.owner(), team.ws(), id, "APPROVE", null, null);

    assertEquals("FAILED", decided.get("state"));
    String reason = (String) decided.get("failureReason");
    assertTrue(reason != null && reason.contains("changed by someone else"), reason);
    assertNull(decided.get("result"));
    JsonPath now = ok(team.owner(), TASK, Map.of("ws", team.ws(), "id", task));
    assertEquals("Write the report", now.getString("data.task.title"));
    assertEquals("DONE", now.getString("data.task.status"), "the person's change is kept");
  }

  @Test
  void should_decide_a_batch_item_by_item() {
    String kept = Records.task(team.owner(), team.ws(), "Batch keep");
    String gone = Records.task(team.owner(), team.ws(), "Batch go");
    List<String> ids =
        Approvals.held(
            model,
            team.owner(),
            team.ws(),
            "task",
            new ToolCall("call_1", "delete_task", json("taskId", kept)),
            new ToolCall("call_2", "delete_task", json("taskId", gone)));
    decide(team.owner(), team.ws(), ids.get(0), "REJECT", null, null);
    String unknown = UUID.randomUUID().toString();

    List<Map<String, Object>> results =
        ok(
                team.member(),
                DECIDE_ALL,
                Map.of(
                    "ws",
                    team.ws(),
                    "decisions",
                    List.of(
                        Map.of("id", ids.get(1), "decision", "APPROVE"),
                        Map.of("id", unknown, "decision", "APPROVE"),
                        Map.of("id", ids.get(0), "decision", "APPROVE"))))
            .getList("data.decideApprovals");

    assertEquals(
        List.of(ids.get(1), unknown, ids.get(0)), results.stream().map(r -> r.get("id")).toList());
    assertEquals(Map.of("id", ids.get(1), "state", "APPLIED"), results.get(0).get("approval"));
    assertNull(results.get(0).get("error"));
    assertNull(results.get(1).get("approval"));
    assertEquals("NOT_FOUND", code(results.get(1)));
    assertEquals("CONFLICT", code(results.get(2)));
    assertNotNull(message(results.get(2)));
    assertEquals("NOT_FOUND", errorCode(team.owner(), TASK, Map.of("ws", team.ws(), "id", gone)));
    assertEquals(
        "Batch keep",
        ok(team.owner(), TASK, Map.of("ws", team.ws(), "id", kept)).getString("data.task.title"));
  }

  @Test
  void should_refuse_a_batch_of_more_than_a_hundred() {
    List<Map<String, Object>> many = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      many.add(Map.of("id", UUID.randomUUID().toString(), "decision", "REJECT"));
    }
    assertEquals(
        "VALIDATION",
        errorCode(team.owner(), DECIDE_ALL, Map.of("ws", team.ws(), "decisions", many)));
    assertEquals(
        "VALIDATION",
        errorCode(team.owner(), DECIDE_ALL, Map.of("ws", team.ws(), "decisions", List.of())));
  }

  @Test
  void should_let_only_admins_decide_what_a_rule_reserves_for_them() {
    String note = Records.note(team.member(), team.ws(), "Meeting notes");
    String id = held(model, team.member(), team.ws(), "note", "delete_note", json("noteId", note));

    assertEquals("ADMINS", approval(team.member(), team.ws(), id).get("deciders"));
    assertEquals(
        "FORBIDDEN",
        errorCode(team.member(), DECIDE, Map.of("ws", team.ws(), "id", id, "decision", "APPROVE")));
    assertEquals(
        List.of(),
        ids(
            Approvals.inbox(
                team.member(),
                team.ws(),
                Map.of("decidableByMe", true, "tools", List.of("delete_note")),
                null,
                null)),
        "not decidable by a member");
    assertEquals("PENDING", approval(team.member(), team.ws(), id).get("state"));

    assertEquals(
        "APPLIED", decide(team.owner(), team.ws(), id, "APPROVE", null, null).get("state"));
  }

  @Test
  void should_expire_a_request_nobody_decides_in_time() throws Exception {
    Team own = Team.create("Expiring");
    Approvals.addRule(
        own.owner(),
        own.ws(),
        Map.of(
            "name",
            "Quick decisions",
            "priority",
            1,
            "tools",
            List.of("delete_task"),
            "decision",
            "APPROVE",
            "expiresAfterMinutes",
            1));
    String task = Records.task(own.owner(), own.ws(), "Short-lived");
    String id = held(model, own.owner(), own.ws(), "task", "delete_task", json("taskId", task));
    Map<String, Object> pending = approval(own.owner(), own.ws(), id);
    long lifetime =
        Duration.between(
                OffsetDateTime.parse((String) pending.get("requestedAt")),
                OffsetDateTime.parse((String) pending.get("expiresAt")))
            .toSeconds();
    assertTrue(lifetime >= 55 && lifetime <= 60, () -> "expires a minute after: " + pending);

    // The sweep runs every 10 s: the request expires within about 70 s of being made.
    long deadline = System.nanoTime() + Duration.ofSeconds(100).toNanos();
    Map<String, Object> expired = pending;
    while (!"EXPIRED".equals(expired.get("state")) && System.nanoTime() < deadline) {
      Thread.sleep(2000);
      expired = approval(own.owner(), own.ws(), id);
    }

    assertEquals("EXPIRED", expired.get("state"));
    assertNotNull(expired.get("finishedAt"));
    assertEquals(
        "CONFLICT",
        errorCode(own.owner(), DECIDE, Map.of("ws", own.ws(), "id", id, "decision", "APPROVE")));
    assertEquals(
        "Short-lived",
        ok(own.owner(), TASK, Map.of("ws", own.ws(), "id", task)).getString("data.task.title"));
  }

  @Test
  void should_announce_requests_and_decisions_to_members_on_the_change_feed() throws Exception {
    Team own = Team.create("Inbox feed");
    String task = Records.task(own.owner(), own.ws(), "Announced");
    try (ChangeFeed members = ChangeFeed.open(own.member(), own.ws(), null);
        ChangeFeed viewers = ChangeFeed.open(own.viewer(), own.ws(), null)) {
      String id = held(model, own.owner(), own.ws(), "task", "delete_task", json("taskId", task));
      List<ChangeFeed.Event> upToRequest = until(members, "approvalWasRequested");
      ChangeFeed.Event requested = upToRequest.get(upToRequest.size() - 1);
      assertEquals(id, requested.data().getString("recordId"));
      assertEquals("PENDING", requested.data().getString("state.state"));

      decide(own.member(), own.ws(), id, "APPROVE", null, null);

      List<String> decided =
          until(members, "approvalWasApplied").stream()
              .map(event -> event.data().getString("type"))
              .filter(type -> type.startsWith("approval") || type.equals("taskWasDeleted"))
              .toList();
      assertEquals(List.of("approvalWasDecided", "taskWasDeleted", "approvalWasApplied"), decided);
      assertTrue(
          until(viewers, "taskWasDeleted").stream()
              .noneMatch(event -> event.data().getString("type").startsWith("approval")),
          "viewers do not see the inbox");
    }
  }

  /** The feed's next events, in order, up to and with the first of {@code type}. */
  private static List<ChangeFeed.Event> until(ChangeFeed feed, String type)
      throws InterruptedException {
    List<ChangeFeed.Event> events = new ArrayList<>();
    ChangeFeed.Event event;
    do {
      event = feed.next();
      events.add(event);
    } while (!type.equals(event.data().getString("type")));
    return events;
  }

  private static void assertInvalidEdit(
      String id, String decision, String arguments, String field) {
    JsonPath refused =
        graphql(
                team.owner(),
                DECIDE,
                vars("ws", team.ws(), "id", id, "decision", decision, "arguments", arguments))
            .jsonPath();
    assertEquals("VALIDATION", refused.getString("errors[0].extensions.code"), refused.prettify());
    assertEquals(field, refused.getString("errors[0].extensions.field"), refused.prettify());
  }

  private static JsonPath inbox(Team own, Map<String, Object> filter) {
    return Approvals.inbox(own.owner(), own.ws(), filter, 50, null);
  }

  private static List<String> ids(JsonPath page) {
    return Records.nodes(page, "approvals", "id");
  }

  /** How many audit entries record the deletion of the record. */
  private static long deletionsOf(String recordId) {
    List<Map<String, Object>> entries =
        ok(
                team.owner(),
                "query($ws: ID!) { auditLog(workspaceId: $ws, first: 100) { edges { node {"
                    + " action targetId } } } }",
                Map.of("ws", team.ws()))
            .getList("data.auditLog.edges.node");
    return entries.stream()
        .filter(e -> recordId.equals(e.get("targetId")))
        .filter(e -> ((String) e.get("action")).endsWith(".deleted"))
        .count();
  }

  @SuppressWarnings("unchecked")
  private static String code(Map<String, Object> result) {
    return (String) ((Map<String, Object>) result.get("error")).get("code");
  }

  @SuppressWarnings("unchecked")
  private static String message(Map<String, Object> result) {
    return (String) ((Map<String, Object>) result.get("error")).get("message");
  }

  private static String prettify(List<JsonPath> answers) {
    return answers.stream().map(JsonPath::prettify).toList().toString();
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
