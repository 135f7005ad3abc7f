package io.steward.it;

import static io.steward.it.support.Records.nodes;
import static io.steward.it.support.Steward.errorCode;
import static io.steward.it.support.Steward.graphql;
import static io.steward.it.support.Steward.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.steward.it.support.Records;
import io.steward.it.support.Records.Team;
import io.steward.it.support.Steward;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Projects, tasks, comments, checkpoints and notes through GraphQL, with real tokens. */
class WorkIT {

  private static final String TASK_FIELDS =
      "id title description status priority dueDate version aiSuggested approved"
          + " project { id name } assignees { userId username displayName } commentCount";

  private static Team team;
  private static String erinId;

  @BeforeAll
  static void team() {
    team = Team.create("Work");
    erinId = Steward.userId("erin");
  }

  @Test
  void should_create_update_and_delete_a_task_guarded_by_its_version() {
    String project = Records.project(team.member(), team.ws(), "Launch");
    JsonPath created =
        ok(
            team.member(),
            "mutation($ws: ID!, $input: TaskInput!) { createTask(workspaceId: $ws, input: $input)"
                + " { "
                + TASK_FIELDS
                + " } }",
            Map.of(
                "ws",
                team.ws(),
                "input",
                Map.of(
                    "title", "  Write the press release  ",
                    "description", "# Draft\n\n- quotes",
                    "priority", "HIGH",
                    "dueDate", "2026-12-01",
                    "projectId", project,
                    "assigneeIds", List.of(erinId))));
    String id = created.getString("data.createTask.id");
    assertEquals("Write the press release", created.getString("data.createTask.title"));
    assertEquals("TODO", created.getString("data.createTask.status"));
    assertEquals(0, created.getInt("data.createTask.version"));
    assertEquals("Launch", created.getString("data.createTask.project.name"));
    assertEquals(List.of("erin"), created.getList("data.createTask.assignees.username"));
    assertTrue(created.getBoolean("data.createTask.approved"));

    String update =
        "mutation($ws: ID!, $id: ID!, $v: Int!, $input: TaskInput!) {"
            + " updateTask(workspaceId: $ws, id: $id, version: $v, input: $input) { title version"
            + " priority dueDate project { id } assignees { userId } } }";
    Map<String, Object> changes = new HashMap<>();
    changes.put("title", "Write and send the press release");
    changes.put("priority", "LOW");
    JsonPath updated =
        ok(team.member(), update, Map.of("ws", team.ws(), "id", id, "v", 0, "input", changes));
    assertEquals(1, updated.getInt("data.updateTask.version"));
    assertEquals("LOW", updated.getString("data.updateTask.priority"));
    assertNull(updated.get("data.updateTask.dueDate"), "the whole state is replaced");
    assertEquals(List.of(), updated.getList("data.updateTask.assignees"));

    JsonPath stale =
        graphql(
                team.member(),
                update,
                Map.of("ws", team.ws(), "id", id, "v", 0, "input", Map.of("title", "Lost update")))
            .jsonPath();
    assertEquals("CONFLICT", stale.getString("errors[0].extensions.code"));
    assertEquals("version", stale.getString("errors[0].extensions.field"));
    assertEquals(
        "Write and send the press release",
        ok(
                team.viewer(),
                "query($ws: ID!, $id: ID!) { task(workspaceId: $ws, id: $id) { title } }",
                Map.of("ws", team.ws(), "id", id))
            .getString("data.task.title"));

    ok(
        team.member(),
        "mutation($ws: ID!, $id: ID!) { deleteTask(workspaceId: $ws, id: $id, version: 1) }",
        Map.of("ws", team.ws(), "id", id));
    assertEquals(
        "NOT_FOUND",
        errorCode(
            team.member(),
            "query($ws: ID!, $id: ID!) { task(workspaceId: $ws, id: $id) { id } }",
            Map.of("ws", team.ws(), "id", id)));
  }

  @Test
  void should_filter_sort_and_page_tasks() {
    Team own = Team.create("Filters");
    String project = Records.project(own.member(), own.ws(), "Filtered");
    String today = LocalDate.now(ZoneId.of("UTC")).toString();
    Records.create(
        own.member(),
        own.ws(),
        "Task",
        Map.of("title", "Alpha", "priority", "LOW", "dueDate", "2026-01-10", "projectId", project));
    Records.create(
        own.member(),
        own.ws(),
        "Task",
        Map.of(
            "title", "Bravo",
            "priority", "HIGH",
            "dueDate", "2026-03-01",
            "description", "mentions the KEYSTONE account",
            "assigneeIds", List.of(erinId)));
    Records.create(
        own.member(), own.ws(), "Task", Map.of("title", "Charlie", "priority", "MEDIUM"));
    String delta =
        Records.create(
            own.member(),
            own.ws(),
            "Task",
            Map.of("title", "Delta", "priority", "HIGH", "dueDate", "2026-02-01"));
    ok(
        own.member(),
        "mutation($ws: ID!, $id: ID!) { completeTask(workspaceId: $ws, id: $id) { status } }",
        Map.of("ws", own.ws(), "id", delta));

    assertEquals(
        List.of("Alpha", "Delta", "Bravo", "Charlie"),
        titles(own, null, "DUE_DATE"),
        "soonest first, undated last");
    assertEquals(List.of("Delta", "Bravo", "Charlie", "Alpha"), titles(own, null, "PRIORITY"));
    assertEquals(List.of("Alpha"), titles(own, Map.of("projectId", project), "TITLE"));
    assertEquals(
        List.of("Bravo", "Delta"), titles(own, Map.of("priorities", List.of("HIGH")), "TITLE"));
    assertEquals(
        List.of("Alpha", "Bravo", "Charlie"),
        titles(own, Map.of("statuses", List.of("TODO", "IN_PROGRESS")), "TITLE"));
    assertEquals(List.of("Bravo"), titles(own, Map.of("assigneeId", erinId), "TITLE"));
    assertEquals(List.of("Bravo"), titles(own, Map.of("search", "keystone"), "TITLE"));
    assertEquals(
        List.of("Delta", "Bravo"),
        titles(own, Map.of("dueAfter", "2026-02-01", "dueBefore", "2026-03-01"), "DUE_DATE"));
    assertEquals(List.of(), titles(own, Map.of("dueToday", true), "TITLE"), today + " has none");

    List<String> paged = new ArrayList<>();
    String after = null;
    boolean more = true;
    while (more) {
      Map<String, Object> variables = new HashMap<>(Map.of("ws", own.ws()));
      variables.put("after", after);
      JsonPath page =
          ok(
              own.viewer(),
              "query($ws: ID!, $after: String) { tasks(workspaceId: $ws, orderBy: TITLE, first: 3,"
                  + " after: $after) { totalCount edges { cursor node { title } }"
                  + " pageInfo { hasNextPage endCursor } } }",
              variables);
      assertEquals(4, page.getInt("data.tasks.totalCount"));
      paged.addAll(nodes(page, "tasks", "title"));
      more = page.getBoolean("data.tasks.pageInfo.hasNextPage");
      after = page.getString("data.tasks.pageInfo.endCursor");
    }
    assertEquals(List.of("Alpha", "Bravo", "Charlie", "Delta"), paged);
  }

  @Test
  void should_find_tasks_due_today_in_the_workspace_time_zone() {
    Team own = Team.create("Time zones");
    // UTC+14 and UTC-11 are always on different dates.
    String east = LocalDate.now(ZoneId.of("Pacific/Kiritimati")).toString();
    String west = LocalDate.now(ZoneId.of("Pacific/Pago_Pago")).toString();
    Records.create(own.member(), own.ws(), "Task", Map.of("title", "East", "dueDate", east));
    Records.create(own.member(), own.ws(), "Task", Map.of("title", "West", "dueDate", west));

    moveTo(own, "Pacific/Kiritimati");
    assertEquals(List.of("East"), titles(own, Map.of("dueToday", true), "TITLE"));
    moveTo(own, "Pacific/Pago_Pago");
    assertEquals(List.of("West"), titles(own, Map.of("dueToday", true), "TITLE"));
    assertEquals(
        "VALIDATION",
        errorCode(
            own.owner(),
            "mutation($ws: ID!) { changeWorkspaceTimeZone(workspaceId: $ws, timeZone: \"Mars/Base\")"
                + " { id } }",
            Map.of("ws", own.ws())));
  }

  @Test
  void should_move_tasks_through_their_statuses_and_approve_suggestions() {
    String id =
        Records.create(
            team.member(), team.ws(), "Task", Map.of("title", "Suggested", "aiSuggested", true));
    String transition =
        "mutation($ws: ID!, $id: ID!) { %s(workspaceId: $ws, id: $id) { status approved version } }";
    Map<String, Object> ids = Map.of("ws", team.ws(), "id", id);
    assertFalse(
        ok(
                team.member(),
                "query($ws: ID!, $id: ID!) { task(workspaceId: $ws, id: $id) { approved } }",
                ids)
            .getBoolean("data.task.approved"));
    assertTrue(
        ok(team.member(), transition.formatted("approveTask"), ids)
            .getBoolean("data.approveTask.approved"));
    assertEquals(
        "IN_PROGRESS",
        ok(
                team.member(),
                "mutation($ws: ID!, $id: ID!) { changeTaskStatus(workspaceId: $ws, id: $id,"
                    + " status: IN_PROGRESS) { status } }",
                ids)
            .getString("data.changeTaskStatus.status"));
    JsonPath done = ok(team.member(), transition.formatted("completeTask"), ids);
    assertEquals("DONE", done.getString("data.completeTask.status"));
    assertEquals(3, done.getInt("data.completeTask.version"));
    assertEquals("CONFLICT", errorCode(team.member(), transition.formatted("completeTask"), ids));
    assertEquals("CONFLICT", errorCode(team.member(), transition.formatted("approveTask"), ids));
  }

  @Test
  void should_only_assign_members_of_the_workspace() {
    String dave = Steward.userId("dave");
    String carol = Steward.userId("carol");
    int before = taskCount(team);
    JsonPath refused =
        graphql(
                team.member(),
                "mutation($ws: ID!, $input: TaskInput!) { createTask(workspaceId: $ws,"
                    + " input: $input) { id } }",
                Map.of(
                    "ws",
                    team.ws(),
                    "input",
                    Map.of("title", "Needs help", "assigneeIds", List.of(dave, carol))))
            .jsonPath();
    assertEquals("VALIDATION", refused.getString("errors[0].extensions.code"));
    assertEquals("assigneeIds", refused.getString("errors[0].extensions.field"));
    assertEquals(before, taskCount(team), "nothing was written");
  }

  @Test
  void should_keep_archived_projects_read_only_and_deletable_only_when_unused() {
    String project = Records.project(team.member(), team.ws(), "Old");
    String task =
        Records.create(
            team.member(), team.ws(), "Task", Map.of("title", "Last", "projectId", project));
    Map<String, Object> ids = Map.of("ws", team.ws(), "id", project);
    assertEquals(
        "ARCHIVED",
        ok(
                team.member(),
                "mutation($ws: ID!, $id: ID!) { archiveProject(workspaceId: $ws, id: $id) { status } }",
                ids)
            .getString("data.archiveProject.status"));
    assertEquals(
        "CONFLICT",
        errorCode(
            team.member(),
            "mutation($ws: ID!, $input: TaskInput!) { createTask(workspaceId: $ws, input: $input) { id } }",
            Map.of("ws", team.ws(), "input", Map.of("title", "Too late", "projectId", project))));
    assertEquals(
        "CONFLICT",
        errorCode(
            team.member(),
            "mutation($ws: ID!, $id: ID!) { updateProject(workspaceId: $ws, id: $id, version: 1,"
                + " input: {name: \"Renamed\"}) { id } }",
            ids));
    assertEquals(
        "ACTIVE",
        ok(
                team.member(),
                "mutation($ws: ID!, $id: ID!) { reactivateProject(workspaceId: $ws, id: $id) { status } }",
                ids)
            .getString("data.reactivateProject.status"));

    String delete = "mutation($ws: ID!, $id: ID!) { deleteProject(workspaceId: $ws, id: $id) }";
    assertEquals("FORBIDDEN", errorCode(team.member(), delete, ids), "members cannot delete");
    assertEquals("CONFLICT", errorCode(team.owner(), delete, ids), "a task refers to it");
    ok(
        team.member(),
        "mutation($ws: ID!, $id: ID!) { deleteTask(workspaceId: $ws, id: $id) }",
        Map.of("ws", team.ws(), "id", task));
    assertTrue(ok(team.owner(), delete, ids).getBoolean("data.deleteProject"));
  }

  @Test
  void should_comment_on_tasks_and_count_comments() {
    String task = Records.task(team.member(), team.ws(), "Discuss");
    String mine = Records.comment(team.member(), team.ws(), task, "I can take this **today**.");
    Records.comment(team.owner(), team.ws(), task, "Thanks!");
    JsonPath comments =
        ok(
            team.viewer(),
            "query($ws: ID!, $t: ID!) { comments(workspaceId: $ws, taskId: $t) { totalCount"
                + " edges { node { content author { username } } } }"
                + " task(workspaceId: $ws, id: $t) { commentCount } }",
            Map.of("ws", team.ws(), "t", task));
    assertEquals(2, comments.getInt("data.comments.totalCount"));
    assertEquals(List.of("erin", "dave"), nodes(comments, "comments", "author.username"));
    assertEquals(2, comments.getInt("data.task.commentCount"));

    String edit =
        "mutation($ws: ID!, $id: ID!) { editComment(workspaceId: $ws, id: $id,"
            + " content: \"Edited\") { content version } }";
    Map<String, Object> ids = Map.of("ws", team.ws(), "id", mine);
    assertEquals("FORBIDDEN", errorCode(team.owner(), edit, ids), "only the author edits");
    assertEquals("Edited", ok(team.member(), edit, ids).getString("data.editComment.content"));
    assertEquals(
        "FORBIDDEN",
        errorCode(
            team.viewer(),
            "mutation($ws: ID!, $t: ID!) { addComment(workspaceId: $ws, taskId: $t, content: \"Hi\") { id } }",
            Map.of("ws", team.ws(), "t", task)));
    assertTrue(
        ok(
                team.owner(),
                "mutation($ws: ID!, $id: ID!) { deleteComment(workspaceId: $ws, id: $id) }",
                ids)
            .getBoolean("data.deleteComment"),
        "admins and owners delete anyone's comment");
  }

  @Test
  void should_keep_checkpoints_on_projects_by_date() {
    String project = Records.project(team.member(), team.ws(), "Milestones");
    assertEquals(
        "NOT_FOUND",
        errorCode(
            team.member(),
            "mutation($ws: ID!, $input: CheckpointInput!) { createCheckpoint(workspaceId: $ws,"
                + " input: $input) { id } }",
            Map.of(
                "ws",
                team.ws(),
                "input",
                Map.of(
                    "projectId",
                    UUID.randomUUID().toString(),
                    "title",
                    "X",
                    "date",
                    "2026-12-01"))));
    for (String[] checkpoint :
        new String[][] {
          {"Go-live", "2027-02-01"}, {"Sign-off", "2026-12-15"}, {"Kick-off", "2026-11-01"}
        }) {
      Records.create(
          team.member(),
          team.ws(),
          "Checkpoint",
          Map.of("projectId", project, "title", checkpoint[0], "date", checkpoint[1]));
    }
    JsonPath upcoming =
        ok(
            team.viewer(),
            "query($ws: ID!, $p: ID!) { checkpoints(workspaceId: $ws, filter: {projectId: $p,"
                + " from: \"2026-12-01\"}) { edges { node { title date project { name } } } } }",
            Map.of("ws", team.ws(), "p", project));
    assertEquals(List.of("Sign-off", "Go-live"), nodes(upcoming, "checkpoints", "title"));
    assertEquals(
        List.of("Milestones", "Milestones"), nodes(upcoming, "checkpoints", "project.name"));
  }

  @Test
  void should_write_search_and_rewrite_notes() {
    String note =
        Records.create(
            team.member(),
            team.ws(),
            "Note",
            Map.of("title", "Retro", "content", "## What went well\n\nThe *Zephyr* release."));
    JsonPath found =
        ok(
            team.viewer(),
            "query($ws: ID!) { notes(workspaceId: $ws, filter: {search: \"zephyr\"}) { edges {"
                + " node { id title content } } } }",
            Map.of("ws", team.ws()));
    assertEquals(List.of(note), nodes(found, "notes", "id"));
    String oversized = "x".repeat(100_001);
    JsonPath tooLong =
        graphql(
                team.member(),
                "mutation($ws: ID!, $id: ID!, $input: NoteInput!) { updateNote(workspaceId: $ws,"
                    + " id: $id, version: 0, input: $input) { id } }",
                Map.of(
                    "ws",
                    team.ws(),
                    "id",
                    note,
                    "input",
                    Map.of("title", "Retro", "content", oversized)))
            .jsonPath();
    assertEquals("VALIDATION", tooLong.getString("errors[0].extensions.code"));
    assertEquals("content", tooLong.getString("errors[0].extensions.field"));
    assertNotNull(
        ok(
                team.member(),
                "mutation($ws: ID!, $id: ID!) { updateNote(workspaceId: $ws, id: $id, version: 0,"
                    + " input: {title: \"Retro 2\", content: \"Short\"}) { version } }",
                Map.of("ws", team.ws(), "id", note))
            .get("data.updateNote.version"));
  }

  @Test
  void should_let_viewers_read_but_not_write() {
    assertNotNull(
        ok(
                team.viewer(),
                "query($ws: ID!) { projects(workspaceId: $ws) { totalCount } }",
                Map.of("ws", team.ws()))
            .get("data.projects.totalCount"));
    assertEquals(
        "FORBIDDEN",
        errorCode(
            team.viewer(),
            "mutation($ws: ID!) { createProject(workspaceId: $ws, input: {name: \"Nope\"}) { id } }",
            Map.of("ws", team.ws())));
  }

  @Test
  void should_audit_changes_with_before_and_after() {
    String task = Records.task(team.member(), team.ws(), "Audited task");
    ok(
        team.member(),
        "mutation($ws: ID!, $id: ID!) { completeTask(workspaceId: $ws, id: $id) { id } }",
        Map.of("ws", team.ws(), "id", task));
    JsonPath audit =
        ok(
            team.owner(),
            "query($ws: ID!) { auditLog(workspaceId: $ws, first: 5) { edges { node { action"
                + " targetType targetId before after actorId } } } }",
            Map.of("ws", team.ws()));
    assertEquals("task.completed", audit.getString("data.auditLog.edges[0].node.action"));
    assertEquals(task, audit.getString("data.auditLog.edges[0].node.targetId"));
    assertTrue(audit.getString("data.auditLog.edges[0].node.before").contains("\"TODO\""));
    assertTrue(audit.getString("data.auditLog.edges[0].node.after").contains("\"DONE\""));
    assertEquals(erinId, audit.getString("data.auditLog.edges[0].node.actorId"));
    assertEquals("task.created", audit.getString("data.auditLog.edges[1].node.action"));
  }

  private static List<String> titles(Team own, Map<String, Object> filter, String order) {
    Map<String, Object> variables = new HashMap<>(Map.of("ws", own.ws(), "order", order));
    variables.put("filter", filter);
    return nodes(
        ok(
            own.viewer(),
            "query($ws: ID!, $filter: TaskFilter, $order: TaskOrder) { tasks(workspaceId: $ws,"
                + " filter: $filter, orderBy: $order) { edges { node { title } } } }",
            variables),
        "tasks",
        "title");
  }

  private static void moveTo(Team own, String zone) {
    ok(
        own.owner(),
        "mutation($ws: ID!, $z: String!) { changeWorkspaceTimeZone(workspaceId: $ws, timeZone: $z)"
            + " { timeZone } }",
        Map.of("ws", own.ws(), "z", zone));
  }

  private static int taskCount(Team own) {
    return ok(
            own.viewer(),
            "query($ws: ID!) { tasks(workspaceId: $ws) { totalCount } }",
            Map.of("ws", own.ws()))
        .getInt("data.tasks.totalCount");
  }
}
