package io.steward.it;

import static io.steward.it.support.Steward.as;
import static io.steward.it.support.Steward.errorCode;
import static io.steward.it.support.Steward.ok;
import static io.steward.it.support.Steward.tokenFor;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.steward.it.support.AgentRuns;
import io.steward.it.support.Approvals;
import io.steward.it.support.Knowledge;
import io.steward.it.support.ModelProviders;
import io.steward.it.support.Records;
import io.steward.it.support.ScriptedModel;
import io.steward.it.support.Steward;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A member of workspace A can do nothing in workspace B. Every GraphQL operation that takes a
 * workspace is listed here; the schema is read by introspection, so a new workspace-scoped
 * operation fails this test until it is added to {@link #OPERATIONS}. Naming workspace B is always
 * FORBIDDEN, the same for an existing workspace of another tenant as for an id that does not exist;
 * naming B's records from A is always NOT_FOUND, the same as for ids that exist nowhere.
 */
class TenantIsolationIT {

  /**
   * Operation name → a document using {@code $ws} for the target workspace and {@code $id} for a
   * record of the kind named in {@link #ID_KINDS}.
   */
  static final Map<String, String> OPERATIONS =
      Map.ofEntries(
          Map.entry("workspace", "query($ws: ID!) { workspace(id: $ws) { id } }"),
          Map.entry("members", "query($ws: ID!) { members(workspaceId: $ws) { userId } }"),
          Map.entry("auditLog", "query($ws: ID!) { auditLog(workspaceId: $ws) { totalCount } }"),
          Map.entry(
              "addMember",
              "mutation($ws: ID!) { addMember(workspaceId: $ws, user: \"bob\", role: OWNER) { userId } }"),
          Map.entry(
              "changeMemberRole",
              "mutation($ws: ID!, $u: ID!) { changeMemberRole(workspaceId: $ws, userId: $u, role: VIEWER) { userId } }"),
          Map.entry(
              "removeMember",
              "mutation($ws: ID!, $u: ID!) { removeMember(workspaceId: $ws, userId: $u) }"),
          Map.entry(
              "changeWorkspaceTimeZone",
              "mutation($ws: ID!) { changeWorkspaceTimeZone(workspaceId: $ws, timeZone: \"UTC\") { id } }"),
          // work
          Map.entry("projects", "query($ws: ID!) { projects(workspaceId: $ws) { totalCount } }"),
          Map.entry(
              "project", "query($ws: ID!, $id: ID!) { project(workspaceId: $ws, id: $id) { id } }"),
          Map.entry(
              "createProject",
              "mutation($ws: ID!, $id: ID) { createProject(workspaceId: $ws, input: {name: \"P\", companyId: $id}) { id } }"),
          Map.entry(
              "updateProject",
              "mutation($ws: ID!, $id: ID!) { updateProject(workspaceId: $ws, id: $id, version: 0, input: {name: \"P\"}) { id } }"),
          Map.entry(
              "archiveProject",
              "mutation($ws: ID!, $id: ID!) { archiveProject(workspaceId: $ws, id: $id) { id } }"),
          Map.entry(
              "reactivateProject",
              "mutation($ws: ID!, $id: ID!) { reactivateProject(workspaceId: $ws, id: $id) { id } }"),
          Map.entry(
              "deleteProject",
              "mutation($ws: ID!, $id: ID!) { deleteProject(workspaceId: $ws, id: $id) }"),
          Map.entry("tasks", "query($ws: ID!) { tasks(workspaceId: $ws) { totalCount } }"),
          Map.entry("task", "query($ws: ID!, $id: ID!) { task(workspaceId: $ws, id: $id) { id } }"),
          Map.entry(
              "createTask",
              "mutation($ws: ID!, $id: ID) { createTask(workspaceId: $ws, input: {title: \"T\", projectId: $id}) { id } }"),
          Map.entry(
              "updateTask",
              "mutation($ws: ID!, $id: ID!) { updateTask(workspaceId: $ws, id: $id, version: 0, input: {title: \"T\"}) { id } }"),
          Map.entry(
              "changeTaskStatus",
              "mutation($ws: ID!, $id: ID!) { changeTaskStatus(workspaceId: $ws, id: $id, status: DONE) { id } }"),
          Map.entry(
              "completeTask",
              "mutation($ws: ID!, $id: ID!) { completeTask(workspaceId: $ws, id: $id) { id } }"),
          Map.entry(
              "approveTask",
              "mutation($ws: ID!, $id: ID!) { approveTask(workspaceId: $ws, id: $id) { id } }"),
          Map.entry(
              "deleteTask",
              "mutation($ws: ID!, $id: ID!) { deleteTask(workspaceId: $ws, id: $id) }"),
          Map.entry(
              "comments",
              "query($ws: ID!, $id: ID!) { comments(workspaceId: $ws, taskId: $id) { totalCount } }"),
          Map.entry(
              "addComment",
              "mutation($ws: ID!, $id: ID!) { addComment(workspaceId: $ws, taskId: $id, content: \"C\") { id } }"),
          Map.entry(
              "editComment",
              "mutation($ws: ID!, $id: ID!) { editComment(workspaceId: $ws, id: $id, content: \"C\") { id } }"),
          Map.entry(
              "deleteComment",
              "mutation($ws: ID!, $id: ID!) { deleteComment(workspaceId: $ws, id: $id) }"),
          Map.entry(
              "checkpoints", "query($ws: ID!) { checkpoints(workspaceId: $ws) { totalCount } }"),
          Map.entry(
              "checkpoint",
              "query($ws: ID!, $id: ID!) { checkpoint(workspaceId: $ws, id: $id) { id } }"),
          Map.entry(
              "createCheckpoint",
              "mutation($ws: ID!, $id: ID!) { createCheckpoint(workspaceId: $ws, input: {projectId: $id, title: \"C\", date: \"2026-12-01\"}) { id } }"),
          Map.entry(
              "updateCheckpoint",
              "mutation($ws: ID!, $id: ID!) { updateCheckpoint(workspaceId: $ws, id: $id, version: 0, input: {projectId: $id, title: \"C\", date: \"2026-12-01\"}) { id } }"),
          Map.entry(
              "approveCheckpoint",
              "mutation($ws: ID!, $id: ID!) { approveCheckpoint(workspaceId: $ws, id: $id) { id } }"),
          Map.entry(
              "deleteCheckpoint",
              "mutation($ws: ID!, $id: ID!) { deleteCheckpoint(workspaceId: $ws, id: $id) }"),
          Map.entry("notes", "query($ws: ID!) { notes(workspaceId: $ws) { totalCount } }"),
          Map.entry("note", "query($ws: ID!, $id: ID!) { note(workspaceId: $ws, id: $id) { id } }"),
          Map.entry(
              "createNote",
              "mutation($ws: ID!, $id: ID) { createNote(workspaceId: $ws, input: {title: \"N\", projectId: $id}) { id } }"),
          Map.entry(
              "updateNote",
              "mutation($ws: ID!, $id: ID!) { updateNote(workspaceId: $ws, id: $id, version: 0, input: {title: \"N\"}) { id } }"),
          Map.entry(
              "deleteNote",
              "mutation($ws: ID!, $id: ID!) { deleteNote(workspaceId: $ws, id: $id) }"),
          // crm
          Map.entry("companies", "query($ws: ID!) { companies(workspaceId: $ws) { totalCount } }"),
          Map.entry(
              "company", "query($ws: ID!, $id: ID!) { company(workspaceId: $ws, id: $id) { id } }"),
          Map.entry(
              "createCompany",
              "mutation($ws: ID!) { createCompany(workspaceId: $ws, input: {name: \"C\"}) { id } }"),
          Map.entry(
              "updateCompany",
              "mutation($ws: ID!, $id: ID!) { updateCompany(workspaceId: $ws, id: $id, version: 0, input: {name: \"C\"}) { id } }"),
          Map.entry(
              "deleteCompany",
              "mutation($ws: ID!, $id: ID!) { deleteCompany(workspaceId: $ws, id: $id) }"),
          Map.entry("contacts", "query($ws: ID!) { contacts(workspaceId: $ws) { totalCount } }"),
          Map.entry(
              "contact", "query($ws: ID!, $id: ID!) { contact(workspaceId: $ws, id: $id) { id } }"),
          Map.entry(
              "createContact",
              "mutation($ws: ID!, $id: ID) { createContact(workspaceId: $ws, input: {name: \"C\", companyId: $id}) { id } }"),
          Map.entry(
              "updateContact",
              "mutation($ws: ID!, $id: ID!) { updateContact(workspaceId: $ws, id: $id, version: 0, input: {name: \"C\"}) { id } }"),
          Map.entry(
              "deleteContact",
              "mutation($ws: ID!, $id: ID!) { deleteContact(workspaceId: $ws, id: $id) }"),
          Map.entry(
              "interactions", "query($ws: ID!) { interactions(workspaceId: $ws) { totalCount } }"),
          Map.entry(
              "interaction",
              "query($ws: ID!, $id: ID!) { interaction(workspaceId: $ws, id: $id) { id } }"),
          Map.entry(
              "logInteraction",
              "mutation($ws: ID!, $id: ID!) { logInteraction(workspaceId: $ws, contactId: $id, input: {kind: CALL, summary: \"S\", occurredAt: \"2026-11-20T10:00:00Z\"}) { id } }"),
          Map.entry(
              "updateInteraction",
              "mutation($ws: ID!, $id: ID!) { updateInteraction(workspaceId: $ws, id: $id, version: 0, input: {kind: CALL, summary: \"S\", occurredAt: \"2026-11-20T10:00:00Z\"}) { id } }"),
          Map.entry(
              "deleteInteraction",
              "mutation($ws: ID!, $id: ID!) { deleteInteraction(workspaceId: $ws, id: $id) }"),
          Map.entry("deals", "query($ws: ID!) { deals(workspaceId: $ws) { totalCount } }"),
          Map.entry("deal", "query($ws: ID!, $id: ID!) { deal(workspaceId: $ws, id: $id) { id } }"),
          Map.entry(
              "createDeal",
              "mutation($ws: ID!, $id: ID!) { createDeal(workspaceId: $ws, input: {title: \"D\", companyId: $id, value: 1, currency: \"EUR\"}) { id } }"),
          Map.entry(
              "updateDeal",
              "mutation($ws: ID!, $id: ID!) { updateDeal(workspaceId: $ws, id: $id, version: 0, input: {title: \"D\", companyId: $id, value: 1, currency: \"EUR\"}) { id } }"),
          Map.entry(
              "moveDealToStage",
              "mutation($ws: ID!, $id: ID!) { moveDealToStage(workspaceId: $ws, id: $id, stage: WON) { id } }"),
          Map.entry(
              "deleteDeal",
              "mutation($ws: ID!, $id: ID!) { deleteDeal(workspaceId: $ws, id: $id) }"),
          // knowledge
          Map.entry(
              "knowledgeDocuments",
              "query($ws: ID!) { knowledgeDocuments(workspaceId: $ws) { totalCount } }"),
          Map.entry(
              "knowledgeDocument",
              "query($ws: ID!, $id: ID!) { knowledgeDocument(workspaceId: $ws, id: $id) { id } }"),
          Map.entry(
              "deleteKnowledgeDocument",
              "mutation($ws: ID!, $id: ID!) { deleteKnowledgeDocument(workspaceId: $ws, id: $id) }"),
          Map.entry(
              "tagKnowledgeDocument",
              "mutation($ws: ID!, $id: ID!) { tagKnowledgeDocument(workspaceId: $ws, id: $id, tags: [\"x\"]) { id } }"),
          Map.entry(
              "reembedKnowledge", "mutation($ws: ID!) { reembedKnowledge(workspaceId: $ws) }"),
          Map.entry(
              "reindexKnowledge", "mutation($ws: ID!) { reindexKnowledge(workspaceId: $ws) }"),
          Map.entry(
              "addKnowledgeFromUrl",
              "mutation($ws: ID!) { addKnowledgeFromUrl(workspaceId: $ws, url: \"https://example.com/\") { id } }"),
          Map.entry(
              "searchKnowledge",
              "query($ws: ID!) { searchKnowledge(workspaceId: $ws, query: \"secret\") { totalCount } }"),
          // agents
          Map.entry("agents", "query($ws: ID!) { agents(workspaceId: $ws) { name } }"),
          Map.entry("agentRuns", "query($ws: ID!) { agentRuns(workspaceId: $ws) { totalCount } }"),
          Map.entry(
              "agentRun",
              "query($ws: ID!, $id: ID!) { agentRun(workspaceId: $ws, runId: $id) { runId } }"),
          Map.entry(
              "agentRunEvents",
              "query($ws: ID!, $id: ID!) { agentRunEvents(workspaceId: $ws, runId: $id) { type } }"),
          // providers
          Map.entry(
              "modelProviders", "query($ws: ID!) { modelProviders(workspaceId: $ws) { id } }"),
          Map.entry(
              "addModelProvider",
              "mutation($ws: ID!) { addModelProvider(workspaceId: $ws, input: {name: \"P\","
                  + " kind: OPENAI_COMPATIBLE, baseUrl: \"http://127.0.0.1:1/v1\","
                  + " defaultModel: \"m\"}) { id } }"),
          Map.entry(
              "updateModelProvider",
              "mutation($ws: ID!, $id: ID!) { updateModelProvider(workspaceId: $ws, id: $id,"
                  + " changes: {name: \"Q\"}) { id } }"),
          Map.entry(
              "removeModelProvider",
              "mutation($ws: ID!, $id: ID!) { removeModelProvider(workspaceId: $ws, id: $id) }"),
          Map.entry(
              "testModelProvider",
              "mutation($ws: ID!, $id: ID!) { testModelProvider(workspaceId: $ws, id: $id) { ok } }"),
          Map.entry("aiSettings", "query($ws: ID!) { aiSettings(workspaceId: $ws) { version } }"),
          Map.entry(
              "updateAiSettings",
              "mutation($ws: ID!, $id: ID) { updateAiSettings(workspaceId: $ws, settings:"
                  + " {defaultProviderId: $id, membersMayChooseModel: false}) { version } }"),
          Map.entry(
              "updateAgentSettings",
              "mutation($ws: ID!, $id: ID) { updateAgentSettings(workspaceId: $ws, agent: \"task\","
                  + " settings: {providerId: $id}) { version } }"),
          Map.entry("playbooks", "query($ws: ID!) { playbooks(workspaceId: $ws) { id } }"),
          Map.entry(
              "deletePlaybook",
              "mutation($ws: ID!, $id: ID!) { deletePlaybook(workspaceId: $ws, id: $id) }"),
          Map.entry(
              "modelUsage",
              "query($ws: ID!) { modelUsage(workspaceId: $ws, from: \"2026-01-01\","
                  + " to: \"2026-01-31\") { usedThisMonth } }"),
          // approvals
          Map.entry(
              "actionPolicies", "query($ws: ID!) { actionPolicies(workspaceId: $ws) { id } }"),
          Map.entry(
              "setActionPolicy",
              "mutation($ws: ID!, $id: ID) { setActionPolicy(workspaceId: $ws, id: $id,"
                  + " input: {name: \"R\", priority: 1, decision: AUTO}) { id } }"),
          Map.entry(
              "removeActionPolicy",
              "mutation($ws: ID!, $id: ID!) { removeActionPolicy(workspaceId: $ws, id: $id) }"),
          Map.entry(
              "simulateActionPolicy",
              "query($ws: ID!) { simulateActionPolicy(workspaceId: $ws, agent: \"task\","
                  + " tool: \"create_task\", arguments: \"{\\\"title\\\":\\\"T\\\"}\")"
                  + " { decision } }"),
          Map.entry("approvals", "query($ws: ID!) { approvals(workspaceId: $ws) { totalCount } }"),
          Map.entry(
              "approval",
              "query($ws: ID!, $id: ID!) { approval(workspaceId: $ws, id: $id) { id } }"),
          Map.entry(
              "decideApproval",
              "mutation($ws: ID!, $id: ID!) { decideApproval(workspaceId: $ws, id: $id,"
                  + " decision: APPROVE) { id } }"),
          Map.entry(
              "decideApprovals",
              "mutation($ws: ID!) { decideApprovals(workspaceId: $ws, decisions: [{id:"
                  + " \"00000000-0000-4000-8000-000000000015\", decision: REJECT}]) { id } }"),
          Map.entry(
              "oversight",
              "query($ws: ID!) { oversight(workspaceId: $ws, from: \"2026-01-01T00:00:00Z\","
                  + " to: \"2026-02-01T00:00:00Z\") { total } }"));

  /**
   * The kind of record {@code $id} names in an operation that reads or changes one by id, or refers
   * to one (a task's project, a deal's company…).
   */
  static final Map<String, String> ID_KINDS =
      Map.ofEntries(
          Map.entry("project", "project"),
          Map.entry("createProject", "company"),
          Map.entry("updateProject", "project"),
          Map.entry("archiveProject", "project"),
          Map.entry("reactivateProject", "project"),
          Map.entry("deleteProject", "project"),
          Map.entry("task", "task"),
          Map.entry("createTask", "project"),
          Map.entry("updateTask", "task"),
          Map.entry("changeTaskStatus", "task"),
          Map.entry("completeTask", "task"),
          Map.entry("approveTask", "task"),
          Map.entry("deleteTask", "task"),
          Map.entry("comments", "task"),
          Map.entry("addComment", "task"),
          Map.entry("editComment", "comment"),
          Map.entry("deleteComment", "comment"),
          Map.entry("checkpoint", "checkpoint"),
          Map.entry("createCheckpoint", "project"),
          Map.entry("updateCheckpoint", "checkpoint"),
          Map.entry("approveCheckpoint", "checkpoint"),
          Map.entry("deleteCheckpoint", "checkpoint"),
          Map.entry("note", "note"),
          Map.entry("createNote", "project"),
          Map.entry("updateNote", "note"),
          Map.entry("deleteNote", "note"),
          Map.entry("company", "company"),
          Map.entry("updateCompany", "company"),
          Map.entry("deleteCompany", "company"),
          Map.entry("contact", "contact"),
          Map.entry("createContact", "company"),
          Map.entry("updateContact", "contact"),
          Map.entry("deleteContact", "contact"),
          Map.entry("interaction", "interaction"),
          Map.entry("logInteraction", "contact"),
          Map.entry("updateInteraction", "interaction"),
          Map.entry("deleteInteraction", "interaction"),
          Map.entry("deal", "deal"),
          Map.entry("createDeal", "company"),
          Map.entry("updateDeal", "deal"),
          Map.entry("moveDealToStage", "deal"),
          Map.entry("deleteDeal", "deal"),
          Map.entry("knowledgeDocument", "knowledgeDocument"),
          Map.entry("deleteKnowledgeDocument", "knowledgeDocument"),
          Map.entry("tagKnowledgeDocument", "knowledgeDocument"),
          Map.entry("agentRun", "agentRun"),
          Map.entry("agentRunEvents", "agentRun"),
          Map.entry("updateModelProvider", "modelProvider"),
          Map.entry("removeModelProvider", "modelProvider"),
          Map.entry("testModelProvider", "modelProvider"),
          Map.entry("updateAiSettings", "modelProvider"),
          Map.entry("updateAgentSettings", "modelProvider"),
          Map.entry("deletePlaybook", "playbook"),
          Map.entry("setActionPolicy", "actionPolicy"),
          Map.entry("removeActionPolicy", "actionPolicy"),
          Map.entry("approval", "approval"),
          Map.entry("decideApproval", "approval"));

  /** REST paths under a workspace. */
  static final List<String> REST_PATHS =
      List.of(
          "/api/workspaces/{ws}",
          "/api/workspaces/{ws}/audit-log",
          "/api/workspaces/{ws}/dashboard",
          "/api/workspaces/{ws}/changes",
          "/api/workspaces/{ws}/knowledge/documents/" + UUID.randomUUID(),
          "/api/workspaces/{ws}/runs/" + UUID.randomUUID() + "/events");

  /** REST paths under a workspace that take a POST (an AG-UI RunAgentInput where they need one). */
  static final List<String> REST_POSTS =
      List.of(
          "/api/workspaces/{ws}/runs",
          "/api/workspaces/{ws}/agents/task/runs",
          "/api/workspaces/{ws}/runs/" + UUID.randomUUID() + "/cancel");

  @RegisterExtension static final ScriptedModel model = new ScriptedModel();
  private static String otherTenant;
  private static String daveId;

  /** Kind → id of a record of that kind in the other tenant's workspace. */
  private static final Map<String, String> othersRecords = new HashMap<>();

  @BeforeAll
  static void anotherTenant() {
    otherTenant = Steward.newWorkspace("dave", "Other tenant");
    daveId = Steward.userId("dave");
    String dave = tokenFor("dave");
    String project = Records.project(dave, otherTenant, "Secret project");
    String task = Records.task(dave, otherTenant, "Secret task");
    String company = Records.company(dave, otherTenant, "Secret company");
    String contact = Records.contact(dave, otherTenant, "Secret contact", company);
    othersRecords.put("project", project);
    othersRecords.put("task", task);
    othersRecords.put("comment", Records.comment(dave, otherTenant, task, "Secret"));
    othersRecords.put(
        "checkpoint",
        Records.create(
            dave,
            otherTenant,
            "Checkpoint",
            Map.of("projectId", project, "title", "Secret", "date", "2026-12-01")));
    othersRecords.put("note", Records.note(dave, otherTenant, "Secret note"));
    othersRecords.put("company", company);
    othersRecords.put("contact", contact);
    othersRecords.put("interaction", Records.interaction(dave, otherTenant, contact, "Secret"));
    othersRecords.put("deal", Records.deal(dave, otherTenant, company, "1"));
    othersRecords.put(
        "knowledgeDocument",
        Knowledge.upload(
                dave,
                otherTenant,
                "secret.txt",
                "Secret knowledge".getBytes(StandardCharsets.UTF_8))
            .getString("id"));
    String run = AgentRuns.newId("secret-run");
    AgentRuns.run(
        dave,
        otherTenant,
        "task",
        AgentRuns.input(AgentRuns.newId("thread"), run, "what is due today", "offline"));
    othersRecords.put("agentRun", run);
    othersRecords.put(
        "approval",
        Approvals.held(
            model, dave, otherTenant, "task", "delete_task", Approvals.json("taskId", task)));
    othersRecords.put(
        "actionPolicy",
        Approvals.addRule(
            dave,
            otherTenant,
            Map.of("name", "Secret rule", "priority", 1, "decision", "APPROVE")));
    Map<String, Object> plan = AgentRuns.newThread("plan the secret launch", "offline");
    plan.put("forwardedProps", Map.of("model", "offline", "mode", "plan"));
    othersRecords.put(
        "playbook",
        AgentRuns.run(dave, otherTenant, null, plan)
            .customEvents("steward.plan")
            .get(0)
            .get("playbookId")
            .asText());
    othersRecords.put(
        "modelProvider",
        ok(
                dave,
                ModelProviders.ADD,
                Map.of(
                    "ws",
                    otherTenant,
                    "in",
                    ModelProviders.providerInput(
                        "Secret provider",
                        "OPENAI_COMPATIBLE",
                        "http://127.0.0.1:" + ScriptedModel.PORT + "/v1",
                        "secret-model",
                        null)))
            .getString("data.addModelProvider.id"));
  }

  @Test
  void should_cover_every_workspace_scoped_operation_of_the_schema() {
    Set<String> scoped = new TreeSet<>();
    for (String root : List.of("Query", "Mutation")) {
      List<Map<String, Object>> fields =
          ok(
                  tokenFor("bob"),
                  "query($t: String!) { __type(name: $t) { fields { name args { name } } } }",
                  Map.of("t", root))
              .getList("data.__type.fields");
      for (Map<String, Object> field : fields) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> args = (List<Map<String, Object>>) field.get("args");
        boolean takesWorkspace =
            args.stream().anyMatch(a -> "workspaceId".equals(a.get("name")))
                || "workspace".equals(field.get("name"));
        if (takesWorkspace) {
          scoped.add((String) field.get("name"));
        }
      }
    }
    assertEquals(
        new TreeSet<>(OPERATIONS.keySet()),
        scoped,
        "every workspace-scoped operation must be listed in TenantIsolationIT.OPERATIONS");
    assertEquals(
        new TreeSet<>(ID_KINDS.keySet()),
        OPERATIONS.entrySet().stream()
            .filter(op -> op.getValue().contains("$id"))
            .map(Map.Entry::getKey)
            .collect(Collectors.toCollection(TreeSet::new)),
        "every operation taking a record id must name its kind in TenantIsolationIT.ID_KINDS");
  }

  @Test
  void should_refuse_every_operation_on_another_tenants_workspace() {
    assertRefusedEverywhere(otherTenant);
  }

  @Test
  void should_refuse_an_unknown_workspace_with_the_same_answer() {
    assertRefusedEverywhere(UUID.randomUUID().toString());
  }

  @Test
  void should_not_tell_whether_another_tenants_record_exists() {
    String alice = tokenFor("alice");
    assertAll(
        ID_KINDS.entrySet().stream()
            .flatMap(
                op ->
                    Stream.of(othersRecords.get(op.getValue()), UUID.randomUUID().toString())
                        .map(
                            id ->
                                () ->
                                    assertEquals(
                                        "NOT_FOUND",
                                        errorCode(
                                            alice,
                                            OPERATIONS.get(op.getKey()),
                                            Map.of("ws", Steward.ACME, "id", id, "u", daveId)),
                                        op.getKey() + " with " + op.getValue() + " " + id))));
    assertEquals(
        "Secret project",
        ok(
                tokenFor("dave"),
                "query($ws: ID!, $id: ID!) { project(workspaceId: $ws, id: $id) { name } }",
                Map.of("ws", otherTenant, "id", othersRecords.get("project")))
            .getString("data.project.name"),
        "the records exist and their owner can read them");
  }

  @Test
  void should_not_decide_or_simulate_on_another_tenants_records() {
    String alice = tokenFor("alice");
    assertEquals(
        "NOT_FOUND",
        ok(
                alice,
                Approvals.DECIDE_ALL,
                Map.of(
                    "ws",
                    Steward.ACME,
                    "decisions",
                    List.of(Map.of("id", othersRecords.get("approval"), "decision", "APPROVE"))))
            .getString("data.decideApprovals[0].error.code"));
    assertEquals(
        "NOT_FOUND",
        errorCode(
            alice,
            Approvals.SIMULATE,
            Map.of(
                "ws",
                Steward.ACME,
                "agent",
                "task",
                "tool",
                "delete_task",
                "arguments",
                Approvals.json("taskId", othersRecords.get("task")))));
    assertEquals(
        "PENDING",
        ok(
                tokenFor("dave"),
                Approvals.APPROVAL,
                Map.of("ws", otherTenant, "id", othersRecords.get("approval")))
            .getString("data.approval.state"),
        "the request is still waiting in its own workspace");
  }

  private static void assertRefusedEverywhere(String ws) {
    String bob = tokenFor("bob");
    Map<String, Object> variables =
        Map.of("ws", ws, "u", daveId, "id", othersRecords.get("project"));
    assertAll(
        OPERATIONS.entrySet().stream()
            .map(
                op ->
                    () ->
                        assertEquals(
                            "FORBIDDEN", errorCode(bob, op.getValue(), variables), op.getKey())));
    for (String path : REST_PATHS) {
      as(bob).get(path, ws).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }
    Map<String, Object> runInput = AgentRuns.newThread("hello", "offline");
    for (String path : REST_POSTS) {
      assertEquals(
          403,
          as(bob).contentType(ContentType.JSON).body(runInput).post(path, ws).statusCode(),
          "POST " + path);
    }
    assertEquals(
        List.of(),
        ok(bob, "{ workspaces { id } }", Map.of()).getList("data.workspaces.id").stream()
            .filter(ws::equals)
            .collect(Collectors.toList()));
  }
}
