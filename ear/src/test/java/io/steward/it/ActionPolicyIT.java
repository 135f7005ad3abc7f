package io.steward.it;

import static io.steward.it.support.Approvals.POLICIES;
import static io.steward.it.support.Approvals.REMOVE_POLICY;
import static io.steward.it.support.Approvals.SET_POLICY;
import static io.steward.it.support.Approvals.SIMULATE;
import static io.steward.it.support.Approvals.json;
import static io.steward.it.support.Approvals.vars;
import static io.steward.it.support.Steward.errorCode;
import static io.steward.it.support.Steward.graphql;
import static io.steward.it.support.Steward.ok;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.steward.it.support.Approvals;
import io.steward.it.support.Records;
import io.steward.it.support.Records.Team;
import io.steward.it.support.Steward;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A workspace's action policy through GraphQL: its own rules before the built-in defaults, managed
 * by admins and owners only, with validation, optimistic locking and a limit; and the simulator,
 * which answers what the policy would decide for a proposed call and which rule decides it.
 */
class ActionPolicyIT {

  private static final String DELETES = "Deletes wait for a person";
  private static final String CLOSING = "Closing a deal waits for a person";
  private static final String UNATTENDED = "Writes nobody watches wait for a person";
  private static final String CHAT_WRITES = "Writes in a chat apply";

  /** A workspace with only the built-in defaults. */
  private static Team defaults;

  /** A workspace with rules of its own, set up once for the simulations that use them. */
  private static Team own;

  private static String company;

  @BeforeAll
  static void setUp() {
    defaults = Team.create("Defaults");
    company = Records.company(defaults.owner(), defaults.ws(), "Initech");
    own = Team.create("Own rules");
    Approvals.addRule(
        own.owner(),
        own.ws(),
        rule("Big deals", 10, "APPROVE", "tools", List.of("move_deal"), "amountAtLeast", "10000")
            .with("currency", "EUR"));
    Approvals.addRule(
        own.owner(),
        own.ws(),
        rule("Unsure companies", 20, "APPROVE", "tools", List.of("create_company"))
            .with("confidenceBelow", 0.5));
    Approvals.addRule(
        own.owner(),
        own.ws(),
        rule("No agent notes", 30, "DENY", "agents", List.of("note"))
            .with("operations", List.of("CREATE")));
    Approvals.addRule(
        own.owner(),
        own.ws(),
        rule("Due dates wait", 40, "APPROVE", "tools", List.of("update_task"))
            .with("fields", List.of("dueDate")));
  }

  // managing rules

  @Test
  void should_list_own_rules_by_priority_before_the_built_in_defaults() {
    Team team = Team.create("Listed");
    String later = Approvals.addRule(team.owner(), team.ws(), rule("Later", 500, "AUTO"));
    String first = Approvals.addRule(team.owner(), team.ws(), rule("First", 5, "DENY"));

    List<Map<String, Object>> rules = policies(team.owner(), team.ws());

    assertEquals(8, rules.size());
    assertEquals(List.of(first, later), ids(rules.subList(0, 2)));
    assertEquals(
        List.of(
            "Reads apply",
            "Anything about members waits for an admin",
            DELETES,
            CLOSING,
            UNATTENDED,
            CHAT_WRITES),
        rules.subList(2, 8).stream().map(r -> r.get("name")).toList());
    for (Map<String, Object> builtIn : rules.subList(2, 8)) {
      assertEquals(true, builtIn.get("builtIn"), builtIn::toString);
      assertTrue((Integer) builtIn.get("priority") >= 1000, builtIn::toString);
      assertNull(builtIn.get("version"), builtIn::toString);
    }
    Map<String, Object> deletes = rules.get(4);
    assertEquals(List.of("DELETE"), deletes.get("operations"));
    assertEquals("APPROVE", deletes.get("decision"));
    assertEquals("WRITERS", deletes.get("deciders"));
    Map<String, Object> members = rules.get(3);
    assertEquals(List.of("member"), members.get("recordTypes"));
    assertEquals("ADMINS", members.get("deciders"));
    Map<String, Object> closing = rules.get(5);
    assertEquals(List.of("stage"), closing.get("fields"));
    assertEquals(List.of("won", "lost"), closing.get("newValues"));
    assertEquals(
        List.of("SCHEDULE", "EVENT_TRIGGER", "OUTSIDE_AGENT"), rules.get(6).get("requesters"));
    assertEquals(false, rules.get(0).get("builtIn"));
    assertEquals(0, rules.get(0).get("version"));
  }

  @Test
  void should_add_replace_and_remove_a_rule_with_optimistic_locking() {
    Team team = Team.create("Managed");
    Map<String, Object> added =
        ok(
                team.owner(),
                SET_POLICY,
                vars(
                    "ws",
                    team.ws(),
                    "input",
                    rule("Big deals", 10, "APPROVE", "tools", List.of("move_deal"))
                        .with("amountAtLeast", "5000")
                        .with("currency", "eur")
                        .with("deciders", "ADMINS")
                        .with("expiresAfterMinutes", 120)))
            .getMap("data.setActionPolicy");
    String id = (String) added.get("id");
    assertEquals("EUR", added.get("currency"));
    assertEquals(5000, ((Number) added.get("amountAtLeast")).intValue());
    assertEquals("ADMINS", added.get("deciders"));
    assertEquals(120, added.get("expiresAfterMinutes"));
    assertEquals(List.of(), added.get("agents"), "absent lists match anything");

    Map<String, Object> replaced =
        ok(
                admin(team),
                SET_POLICY,
                vars("ws", team.ws(), "id", id, "version", 0, "input", rule("Renamed", 20, "DENY")))
            .getMap("data.setActionPolicy");
    assertEquals(id, replaced.get("id"));
    assertEquals("Renamed", replaced.get("name"));
    assertEquals(1, replaced.get("version"));
    assertNull(replaced.get("currency"), "a replaced rule is all new");
    assertEquals(List.of(), replaced.get("tools"));
    assertEquals(
        "CONFLICT",
        errorCode(
            team.owner(),
            SET_POLICY,
            vars("ws", team.ws(), "id", id, "version", 0, "input", rule("Stale", 20, "AUTO"))));

    assertTrue(
        ok(team.owner(), REMOVE_POLICY, Map.of("ws", team.ws(), "id", id))
            .getBoolean("data.removeActionPolicy"));
    assertEquals(6, policies(team.owner(), team.ws()).size());
    assertEquals(
        "NOT_FOUND", errorCode(team.owner(), REMOVE_POLICY, Map.of("ws", team.ws(), "id", id)));
  }

  @Test
  void should_drop_null_entries_of_a_rules_lists() {
    List<String> tools = new ArrayList<>();
    tools.add(null);
    tools.add("list_deals");

    Map<String, Object> added =
        ok(
                own.owner(),
                SET_POLICY,
                vars("ws", own.ws(), "input", rule("Deal lists", 999, "AUTO", "tools", tools)))
            .getMap("data.setActionPolicy");

    assertEquals(List.of("list_deals"), added.get("tools"));
  }

  @Test
  void should_refuse_to_change_or_remove_a_built_in_rule() {
    String deletes = builtIn(DELETES);

    assertEquals(
        "CONFLICT",
        errorCode(
            defaults.owner(),
            SET_POLICY,
            vars("ws", defaults.ws(), "id", deletes, "input", rule("Deletes apply", 1, "AUTO"))));
    assertEquals(
        "CONFLICT",
        errorCode(defaults.owner(), REMOVE_POLICY, Map.of("ws", defaults.ws(), "id", deletes)));
    assertEquals(6, policies(defaults.owner(), defaults.ws()).size());
  }

  @Test
  void should_refuse_invalid_rules_naming_the_field() {
    assertAll(
        invalid("priority", rule("Too late", 1000, "AUTO")),
        invalid("priority", rule("Too early", -1, "AUTO")),
        invalid("name", rule(" ", 1, "AUTO")),
        invalid("newValues", rule("Values alone", 1, "APPROVE", "newValues", List.of("won"))),
        invalid("currency", rule("No currency", 1, "APPROVE", "amountAtLeast", "100")),
        invalid("currency", rule("No amount", 1, "APPROVE", "currency", "EUR")),
        invalid(
            "currency",
            rule("Euro", 1, "APPROVE", "amountAtLeast", "100").with("currency", "EURO")),
        invalid(
            "amountAtLeast",
            rule("Negative", 1, "APPROVE", "amountAtLeast", "-1").with("currency", "EUR")),
        invalid("confidenceBelow", rule("Never", 1, "APPROVE", "confidenceBelow", 0)),
        invalid("confidenceBelow", rule("Always", 1, "APPROVE", "confidenceBelow", 1.5)),
        invalid(
            "tools",
            rule("Crowded", 1, "APPROVE", "tools", Collections.nCopies(51, "create_task"))),
        invalid("tools", rule("Spaced", 1, "APPROVE", "tools", List.of("create task"))),
        invalid("expiresAfterMinutes", rule("Instant", 1, "APPROVE", "expiresAfterMinutes", 0)));
    assertEquals(6, policies(defaults.owner(), defaults.ws()).size(), "nothing was added");
  }

  @Test
  void should_refuse_a_rule_beyond_the_limit_of_the_workspace() {
    Team team = Team.create("Crowded");
    for (int i = 0; i < 200; i++) {
      Approvals.addRule(team.owner(), team.ws(), rule("Rule " + i, i, "AUTO"));
    }

    JsonPath refused =
        graphql(
                team.owner(),
                SET_POLICY,
                vars("ws", team.ws(), "input", rule("One too many", 1, "AUTO")))
            .jsonPath();

    assertEquals("QUOTA_EXCEEDED", refused.getString("errors[0].extensions.code"));
    assertEquals(206, policies(team.owner(), team.ws()).size());
  }

  @Test
  void should_let_only_admins_and_owners_see_and_manage_the_policy() {
    Map<String, Object> ws = Map.of("ws", defaults.ws());
    String deletes = builtIn(DELETES);
    for (String token : List.of(defaults.member(), defaults.viewer())) {
      assertEquals("FORBIDDEN", errorCode(token, POLICIES, ws));
      assertEquals(
          "FORBIDDEN",
          errorCode(
              token, SET_POLICY, vars("ws", defaults.ws(), "input", rule("Mine", 1, "AUTO"))));
      assertEquals(
          "FORBIDDEN", errorCode(token, REMOVE_POLICY, Map.of("ws", defaults.ws(), "id", deletes)));
      assertEquals(
          "FORBIDDEN",
          errorCode(token, SIMULATE, simulation("task", "create_task", json("title", "T"))));
    }
    assertEquals(6, policies(admin(defaults), defaults.ws()).size());
  }

  // the simulator and the defaults

  @Test
  void should_hold_a_delete_by_the_built_in_rule() {
    String task = Records.task(defaults.owner(), defaults.ws(), "Shred the files");

    Map<String, Object> simulated =
        simulate(defaults, "task", "delete_task", json("taskId", task), null);

    assertVerdict("APPROVE", DELETES, simulated);
    assertEquals(true, at(simulated, "rule.builtIn"));
    assertEquals("WRITERS", simulated.get("deciders"));
    assertEquals("DELETE", at(simulated, "action.operation"));
    assertEquals("task", at(simulated, "action.recordType"));
    assertEquals(task, at(simulated, "action.recordId"));
    assertEquals("Shred the files", at(simulated, "action.recordLabel"));
    assertEquals(
        "Shred the files",
        Approvals.parse((String) at(simulated, "action.before")).get("title").asText());
    assertNull(at(simulated, "action.after"));
    assertEquals(List.of(), at(simulated, "action.changedFields"));
    assertEquals(
        "Shred the files",
        ok(
                defaults.owner(),
                "query($ws: ID!, $id: ID!) { task(workspaceId: $ws, id: $id) { title } }",
                Map.of("ws", defaults.ws(), "id", task))
            .getString("data.task.title"),
        "the simulation changes nothing");
  }

  @Test
  void should_apply_a_create_in_a_chat_and_hold_it_on_a_schedule() {
    String arguments = json("title", "Call Nora", "reason", "She asked", "confidence", 0.9);

    Map<String, Object> chat = simulate(defaults, "task", "create_task", arguments, null);
    Map<String, Object> scheduled =
        simulate(defaults, "task", "create_task", arguments, "SCHEDULE");

    assertVerdict("AUTO", CHAT_WRITES, chat);
    assertEquals("CHAT", at(chat, "action.requesterKind"));
    assertEquals(List.of("title"), at(chat, "action.changedFields"));
    assertEquals(
        "Call Nora", Approvals.parse((String) at(chat, "action.after")).get("title").asText());
    assertNull(at(chat, "action.before"));
    assertEquals("She asked", at(chat, "action.reason"));
    assertEquals(0.9, ((Number) at(chat, "action.confidence")).doubleValue(), 1e-6);
    assertEquals(
        json("title", "Call Nora"),
        at(chat, "action.arguments"),
        "the model's statements are taken out of the call");
    assertVerdict("APPROVE", UNATTENDED, scheduled);
    assertEquals("SCHEDULE", at(scheduled, "action.requesterKind"));
  }

  @Test
  void should_hold_closing_a_deal_and_apply_moving_it_on() {
    String deal = Records.deal(defaults.owner(), defaults.ws(), company, "5000");

    Map<String, Object> won =
        simulate(defaults, "crm", "move_deal", json("dealId", deal, "stage", "won"), null);
    Map<String, Object> lost =
        simulate(defaults, "crm", "move_deal", json("dealId", deal, "stage", "lost"), null);
    Map<String, Object> qualified =
        simulate(defaults, "crm", "move_deal", json("dealId", deal, "stage", "qualified"), null);

    assertVerdict("APPROVE", CLOSING, won);
    assertVerdict("APPROVE", CLOSING, lost);
    assertVerdict("AUTO", CHAT_WRITES, qualified);
    assertEquals(List.of("stage"), at(won, "action.changedFields"));
    assertEquals("lead", Approvals.parse((String) at(won, "action.before")).get("stage").asText());
    assertEquals("won", Approvals.parse((String) at(won, "action.after")).get("stage").asText());
    assertEquals(5000, ((Number) at(won, "action.amount")).intValue());
    assertEquals("EUR", at(won, "action.currency"));
  }

  @Test
  void should_match_a_rule_by_the_deal_value_in_its_currency() {
    String ownCompany = Records.company(own.owner(), own.ws(), "Globex");
    String at = deal(ownCompany, "10000", "EUR");
    String above = deal(ownCompany, "25000.50", "EUR");
    String below = deal(ownCompany, "9999.99", "EUR");
    String dollars = deal(ownCompany, "50000", "USD");

    assertVerdict("APPROVE", "Big deals", moveToQualified(at));
    assertVerdict("APPROVE", "Big deals", moveToQualified(above));
    assertVerdict("AUTO", CHAT_WRITES, moveToQualified(below));
    assertVerdict("AUTO", CHAT_WRITES, moveToQualified(dollars));
  }

  @Test
  void should_match_a_rule_by_the_confidence_the_model_states() {
    assertVerdict(
        "APPROVE",
        "Unsure companies",
        simulate(own, "crm", "create_company", json("name", "Hooli", "confidence", 0.3), null));
    assertVerdict(
        "AUTO",
        CHAT_WRITES,
        simulate(own, "crm", "create_company", json("name", "Hooli", "confidence", 0.5), null));
    assertVerdict(
        "APPROVE",
        "Unsure companies",
        simulate(own, "crm", "create_company", json("name", "Hooli"), null),
        "a call stating no confidence counts as not confident");
  }

  @Test
  void should_deny_what_a_rule_refuses_by_agent() {
    assertVerdict(
        "DENY",
        "No agent notes",
        simulate(own, "note", "create_note", json("title", "Minutes", "content", "We met."), null));
    assertVerdict(
        "AUTO", CHAT_WRITES, simulate(own, "task", "create_task", json("title", "Minutes"), null));
  }

  @Test
  void should_match_a_rule_by_the_fields_an_update_changes() {
    String task = Records.task(own.owner(), own.ws(), "Plan the offsite");

    Map<String, Object> due =
        simulate(own, "task", "update_task", json("taskId", task, "dueDate", "2031-05-01"), null);
    Map<String, Object> renamed =
        simulate(
            own, "task", "update_task", json("taskId", task, "title", "Plan the retreat"), null);
    Map<String, Object> sameTitle =
        simulate(
            own,
            "task",
            "update_task",
            json("taskId", task, "title", "Plan the offsite", "dueDate", "2031-05-01"),
            null);

    assertVerdict("APPROVE", "Due dates wait", due);
    assertEquals(List.of("dueDate"), at(due, "action.changedFields"));
    assertVerdict("AUTO", CHAT_WRITES, renamed);
    assertEquals(List.of("title"), at(renamed, "action.changedFields"));
    assertEquals(
        "Plan the offsite",
        Approvals.parse((String) at(renamed, "action.before")).get("title").asText());
    assertEquals(
        "Plan the retreat",
        Approvals.parse((String) at(renamed, "action.after")).get("title").asText());
    assertEquals(
        List.of("dueDate"),
        at(sameTitle, "action.changedFields"),
        "a field set to what it is does not change");
  }

  @Test
  void should_refuse_to_simulate_unknown_tools_agents_and_bad_arguments() {
    String task = Records.task(defaults.owner(), defaults.ws(), "Real");
    assertAll(
        () ->
            assertEquals(
                "NOT_FOUND",
                errorCode(defaults.owner(), SIMULATE, simulation("task", "launch_rocket", "{}"))),
        () ->
            assertEquals(
                "NOT_FOUND",
                errorCode(
                    defaults.owner(),
                    SIMULATE,
                    simulation("pilot", "create_task", json("title", "T")))),
        () ->
            assertEquals(
                "NOT_FOUND",
                errorCode(
                    defaults.owner(),
                    SIMULATE,
                    simulation("crm", "create_task", json("title", "T"))),
                "a tool of another agent"),
        () ->
            assertEquals(
                "NOT_FOUND",
                errorCode(
                    defaults.owner(),
                    SIMULATE,
                    simulation(
                        "task",
                        "delete_task",
                        json("taskId", "00000000-0000-4000-8000-000000000000")))),
        () -> assertValidation("arguments", simulation("task", "create_task", "{not json")),
        () -> assertValidation("arguments", simulation("task", "create_task", "[1]")),
        () -> assertValidation("title", simulation("task", "create_task", "{}")),
        () ->
            assertValidation(
                "priority",
                simulation("task", "create_task", json("title", "T", "priority", "urgent"))),
        () ->
            assertValidation(
                "confidence",
                simulation("task", "create_task", json("title", "T", "confidence", 2))),
        () ->
            assertValidation(
                "title", simulation("task", "update_task", json("taskId", task, "title", 5))));
  }

  /** alice as an admin (not the owner) of the team's workspace. */
  private static String admin(Team team) {
    ok(
        team.owner(),
        "mutation($ws: ID!) { addMember(workspaceId: $ws, user: \"alice\", role: ADMIN) { userId } }",
        Map.of("ws", team.ws()));
    return Steward.tokenFor("alice");
  }

  private static Map<String, Object> moveToQualified(String deal) {
    return simulate(own, "crm", "move_deal", json("dealId", deal, "stage", "qualified"), null);
  }

  private static String deal(String companyId, String value, String currency) {
    return Records.create(
        own.owner(),
        own.ws(),
        "Deal",
        Map.of(
            "title",
            "Deal " + value,
            "companyId",
            companyId,
            "value",
            value,
            "currency",
            currency));
  }

  /** A rule input with the given name, priority and decision, and optional field/value pairs. */
  private static Rule rule(String name, int priority, String decision, Object... more) {
    Rule rule = new Rule();
    rule.put("name", name);
    rule.put("priority", priority);
    rule.put("decision", decision);
    for (int i = 0; i < more.length; i += 2) {
      rule.put((String) more[i], more[i + 1]);
    }
    return rule;
  }

  /** An {@code ActionPolicyInput} being written. */
  private static final class Rule extends HashMap<String, Object> {
    Rule with(String field, Object value) {
      put(field, value);
      return this;
    }
  }

  private static Executable invalid(String field, Map<String, Object> input) {
    return () -> {
      JsonPath refused =
          graphql(defaults.owner(), SET_POLICY, vars("ws", defaults.ws(), "input", input))
              .jsonPath();
      assertEquals(
          "VALIDATION", refused.getString("errors[0].extensions.code"), refused.prettify());
      assertEquals(field, refused.getString("errors[0].extensions.field"), refused.prettify());
    };
  }

  private static void assertValidation(String field, Map<String, Object> variables) {
    JsonPath refused = graphql(defaults.owner(), SIMULATE, variables).jsonPath();
    assertEquals("VALIDATION", refused.getString("errors[0].extensions.code"), refused.prettify());
    assertEquals(field, refused.getString("errors[0].extensions.field"), refused.prettify());
  }

  private static Map<String, Object> simulation(String agent, String tool, String arguments) {
    return vars("ws", defaults.ws(), "agent", agent, "tool", tool, "arguments", arguments);
  }

  private static Map<String, Object> simulate(
      Team team, String agent, String tool, String arguments, String requester) {
    return ok(
            team.owner(),
            SIMULATE,
            vars(
                "ws",
                team.ws(),
                "agent",
                agent,
                "tool",
                tool,
                "arguments",
                arguments,
                "requester",
                requester))
        .getMap("data.simulateActionPolicy");
  }

  private static void assertVerdict(String decision, String rule, Map<String, Object> simulated) {
    assertVerdict(decision, rule, simulated, null);
  }

  private static void assertVerdict(
      String decision, String rule, Map<String, Object> simulated, String why) {
    assertEquals(decision, simulated.get("decision"), () -> why + ": " + simulated);
    assertEquals(rule, at(simulated, "rule.name"), () -> why + ": " + simulated);
  }

  /** The value at a dotted path of nested maps. */
  @SuppressWarnings("unchecked")
  private static Object at(Map<String, Object> map, String path) {
    Object value = map;
    for (String name : path.split("\\.")) {
      value = value == null ? null : ((Map<String, Object>) value).get(name);
    }
    return value;
  }

  private static List<Map<String, Object>> policies(String token, String ws) {
    return ok(token, POLICIES, Map.of("ws", ws)).getList("data.actionPolicies");
  }

  private static String builtIn(String name) {
    return policies(defaults.owner(), defaults.ws()).stream()
        .filter(rule -> name.equals(rule.get("name")))
        .map(rule -> (String) rule.get("id"))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> ids(List<Map<String, Object>> rules) {
    return rules.stream().map(rule -> (String) rule.get("id")).toList();
  }
}
