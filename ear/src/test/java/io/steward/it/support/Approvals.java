package io.steward.it.support;

import static io.steward.it.support.Steward.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The approvals GraphQL API as a front end calls it — action policies, the simulator, the inbox,
 * decisions and the oversight figures — and agent runs whose scripted model proposes writes the
 * policy holds for a person.
 */
public final class Approvals {

  /** Every field of an {@code ActionPolicy}. */
  public static final String POLICY_FIELDS =
      "id name priority builtIn agents tools operations recordTypes fields newValues amountAtLeast"
          + " currency confidenceBelow requesters decision deciders expiresAfterMinutes version";

  /** Every field of an {@code Approval}. */
  public static final String APPROVAL_FIELDS =
      "id state agent tool operation arguments argumentsHash editedArguments reason confidence"
          + " recordType recordId recordVersion recordLabel before after changedFields"
          + " requesterKind requestedBy requesterRef runId threadId toolCallId ruleName deciders"
          + " requestedAt expiresAt decidedBy decidedAt comment result failureReason finishedAt"
          + " version";

  public static final String POLICIES =
      "query($ws: ID!) { actionPolicies(workspaceId: $ws) { " + POLICY_FIELDS + " } }";

  public static final String SET_POLICY =
      "mutation($ws: ID!, $id: ID, $version: Int, $input: ActionPolicyInput!) {"
          + " setActionPolicy(workspaceId: $ws, id: $id, version: $version, input: $input) { "
          + POLICY_FIELDS
          + " } }";

  public static final String REMOVE_POLICY =
      "mutation($ws: ID!, $id: ID!) { removeActionPolicy(workspaceId: $ws, id: $id) }";

  public static final String SIMULATE =
      "query($ws: ID!, $agent: String!, $tool: String!, $arguments: String!,"
          + " $requester: RequesterKind) { simulateActionPolicy(workspaceId: $ws, agent: $agent,"
          + " tool: $tool, arguments: $arguments, requester: $requester) { decision deciders"
          + " rule { id name builtIn } action { agent tool arguments operation recordType"
          + " recordId recordVersion recordLabel before after changedFields amount currency"
          + " requesterKind confidence reason } } }";

  public static final String INBOX =
      "query($ws: ID!, $filter: ApprovalFilter, $first: Int, $after: String) {"
          + " approvals(workspaceId: $ws, filter: $filter, first: $first, after: $after) {"
          + " totalCount pageInfo { hasNextPage endCursor } edges { cursor node { "
          + APPROVAL_FIELDS
          + " } } } }";

  public static final String APPROVAL =
      "query($ws: ID!, $id: ID!) { approval(workspaceId: $ws, id: $id) { "
          + APPROVAL_FIELDS
          + " } }";

  public static final String DECIDE =
      "mutation($ws: ID!, $id: ID!, $decision: ApprovalDecision!, $comment: String,"
          + " $arguments: String) { decideApproval(workspaceId: $ws, id: $id, decision: $decision,"
          + " comment: $comment, arguments: $arguments) { "
          + APPROVAL_FIELDS
          + " } }";

  public static final String DECIDE_ALL =
      "mutation($ws: ID!, $decisions: [ApprovalDecisionInput!]!) {"
          + " decideApprovals(workspaceId: $ws, decisions: $decisions) { id"
          + " approval { id state } error { code message field } } }";

  public static final String OVERSIGHT =
      "query($ws: ID!, $from: DateTime!, $to: DateTime!) { oversight(workspaceId: $ws, from:"
          + " $from, to: $to) { total autoApplied { count share } approved { count share }"
          + " approvedWithEdits { count share } rejected { count share } expired { count share }"
          + " cancelled { count share } denied { count share } pending { count share }"
          + " medianSecondsToDecision p90SecondsToDecision decisionsByPerson { userId decisions }"
          + " } }";

  private static final ObjectMapper JSON = new ObjectMapper();

  private Approvals() {}

  /** One tool call a scripted model makes: its id, the tool and the arguments (JSON). */
  public record ToolCall(String id, String tool, String arguments) {}

  /**
   * GraphQL variables (or a JSON object) from name/value pairs; null values are left out, so an
   * argument given by a variable left out takes its default.
   */
  public static Map<String, Object> vars(Object... namesAndValues) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
      }
    }
    return variables;
  }

  /** Adds a rule of the workspace's own through an admin; answers its id. */
  public static String addRule(String token, String ws, Map<String, Object> input) {
    return ok(token, SET_POLICY, vars("ws", ws, "input", input))
        .getString("data.setActionPolicy.id");
  }

  /** The request as the inbox shows it ({@link #APPROVAL_FIELDS}). */
  public static Map<String, Object> approval(String token, String ws, String id) {
    return ok(token, APPROVAL, Map.of("ws", ws, "id", id)).getMap("data.approval");
  }

  /** Decides a request, which must succeed; answers the request as it is afterwards. */
  public static Map<String, Object> decide(
      String token, String ws, String id, String decision, String comment, String arguments) {
    return ok(
            token,
            DECIDE,
            vars(
                "ws",
                ws,
                "id",
                id,
                "decision",
                decision,
                "comment",
                comment,
                "arguments",
                arguments))
        .getMap("data.decideApproval");
  }

  /**
   * Sends a decision and answers the raw response, whatever it is: for a decision the server may
   * not live to answer, or whose apply outlasts the request time limit.
   */
  public static Response sendDecision(String token, String ws, String id, String decision) {
    return Steward.graphql(token, DECIDE, vars("ws", ws, "id", id, "decision", decision));
  }

  /** Polls the request until it is in {@code state}; fails after {@code limit}. */
  public static void awaitState(String token, String ws, String id, String state, Duration limit)
      throws InterruptedException {
    Instant until = Instant.now().plus(limit);
    Object now = approval(token, ws, id).get("state");
    while (!state.equals(now) && Instant.now().isBefore(until)) {
      Thread.sleep(500);
      now = approval(token, ws, id).get("state");
    }
    if (!state.equals(now)) {
      throw new AssertionError(
          "approval " + id + " is " + now + ", not " + state + ", after " + limit);
    }
  }

  /** The inbox page the filter selects, newest first. */
  public static JsonPath inbox(
      String token, String ws, Map<String, Object> filter, Integer first, String after) {
    return ok(token, INBOX, vars("ws", ws, "filter", filter, "first", first, "after", after));
  }

  /**
   * Runs {@code agent} as {@code token} with a model that makes {@code calls} in one turn and then
   * answers; the run's stream.
   */
  public static AgUiStream run(
      ScriptedModel model, String token, String ws, String agent, ToolCall... calls) {
    return run(model, token, ws, agent, AgentRuns.newThread("Please do it", null), calls);
  }

  /** The same, for the run {@code input} (an AG-UI RunAgentInput) names. */
  public static AgUiStream run(
      ScriptedModel model,
      String token,
      String ws,
      String agent,
      Map<String, Object> input,
      ToolCall... calls) {
    ScriptedModelServer.Reply turn = ScriptedModelServer.reply();
    for (ToolCall call : calls) {
      turn.toolCall(call.id(), call.tool(), call.arguments());
    }
    model.enqueue(turn, ScriptedModelServer.reply().text("It waits for a person."));
    return AgentRuns.run(token, ws, agent, input);
  }

  /**
   * Runs {@code agent} with a model making {@code calls} that the policy holds; answers the ids of
   * their approval requests, in the calls' order.
   */
  public static List<String> held(
      ScriptedModel model, String token, String ws, String agent, ToolCall... calls) {
    return idsOfHeld(run(model, token, ws, agent, calls), calls);
  }

  /** The ids of the approval requests {@code calls} of a run are held for, in their order. */
  public static List<String> idsOfHeld(AgUiStream stream, ToolCall... calls) {
    List<String> ids = new ArrayList<>();
    for (ToolCall call : calls) {
      String result = stream.toolResult(call.id());
      JsonNode approval = parse(result).path("approval");
      if (!"pending".equals(approval.path("state").asText())) {
        throw new AssertionError(call.tool() + " was not held: " + result);
      }
      ids.add(approval.get("id").asText());
    }
    return ids;
  }

  /** Runs {@code agent} with a model making one call the policy holds; answers its request's id. */
  public static String held(
      ScriptedModel model, String token, String ws, String agent, String tool, String arguments) {
    return held(model, token, ws, agent, new ToolCall("call_1", tool, arguments)).get(0);
  }

  /** A JSON object of name/value pairs, e.g. arguments of a tool call. */
  public static String json(Object... namesAndValues) {
    try {
      return JSON.writeValueAsString(vars(namesAndValues));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }
}
