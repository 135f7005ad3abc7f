package io.steward.it.support;

import static io.steward.it.support.Steward.ok;

import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Creates business records through GraphQL for tests, as a front end would. */
public final class Records {

  private Records() {}

  /** A workspace of its own for a test: dave owns it, erin is a member, bob a viewer. */
  public record Team(String ws, String owner, String member, String viewer) {

    public static Team create(String name) {
      String ws = Steward.newWorkspace("dave", name);
      String dave = Steward.tokenFor("dave");
      for (Map.Entry<String, String> member :
          Map.of("erin", "MEMBER", "bob", "VIEWER").entrySet()) {
        ok(
            dave,
            "mutation($ws: ID!, $u: String!, $r: WorkspaceRole!) {"
                + " addMember(workspaceId: $ws, user: $u, role: $r) { userId } }",
            Map.of("ws", ws, "u", member.getKey(), "r", member.getValue()));
      }
      return new Team(
          ws, Steward.tokenFor("dave"), Steward.tokenFor("erin"), Steward.tokenFor("bob"));
    }
  }

  /**
   * Runs {@code create<Type>(workspaceId, input)} and returns the new record's id, e.g. {@code
   * create(token, ws, "Task", Map.of("title", "Call Nora"))}.
   */
  public static String create(String token, String ws, String type, Map<String, Object> input) {
    return ok(
            token,
            "mutation($ws: ID!, $input: "
                + type
                + "Input!) { create"
                + type
                + "(workspaceId: $ws, input: $input) { id } }",
            Map.of("ws", ws, "input", input))
        .getString("data.create" + type + ".id");
  }

  public static String project(String token, String ws, String name) {
    return create(token, ws, "Project", Map.of("name", name));
  }

  public static String task(String token, String ws, String title) {
    return create(token, ws, "Task", Map.of("title", title));
  }

  public static String note(String token, String ws, String title) {
    return create(token, ws, "Note", Map.of("title", title));
  }

  public static String company(String token, String ws, String name) {
    return create(token, ws, "Company", Map.of("name", name));
  }

  public static String contact(String token, String ws, String name, String companyId) {
    Map<String, Object> input = new HashMap<>();
    input.put("name", name);
    input.put("companyId", companyId);
    return create(token, ws, "Contact", input);
  }

  public static String deal(String token, String ws, String companyId, String value) {
    return create(
        token,
        ws,
        "Deal",
        Map.of(
            "title", "Deal " + value, "companyId", companyId, "value", value, "currency", "EUR"));
  }

  public static String comment(String token, String ws, String taskId, String content) {
    return ok(
            token,
            "mutation($ws: ID!, $t: ID!, $c: String!) {"
                + " addComment(workspaceId: $ws, taskId: $t, content: $c) { id } }",
            Map.of("ws", ws, "t", taskId, "c", content))
        .getString("data.addComment.id");
  }

  public static String interaction(String token, String ws, String contactId, String summary) {
    return ok(
            token,
            "mutation($ws: ID!, $c: ID!, $s: String!) { logInteraction(workspaceId: $ws,"
                + " contactId: $c, input: {kind: CALL, summary: $s,"
                + " occurredAt: \"2026-11-20T10:00:00Z\"}) { id } }",
            Map.of("ws", ws, "c", contactId, "s", summary))
        .getString("data.logInteraction.id");
  }

  /** Runs a query and returns the node lists' values at {@code path} below {@code edges.node}. */
  public static <T> List<T> nodes(JsonPath json, String connection, String field) {
    return json.getList("data." + connection + ".edges.node." + field);
  }
}
