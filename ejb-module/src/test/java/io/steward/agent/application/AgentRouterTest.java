package io.steward.agent.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steward.agent.spi.Agent;
import io.steward.agent.spi.AgentTool;
import io.steward.crm.agent.CrmAssistant;
import io.steward.crm.agent.CrmPhrasebook;
import io.steward.provider.infrastructure.embedding.AllMiniLmEmbeddingModel;
import io.steward.provider.offline.OfflineChatModel;
import io.steward.work.agent.CheckpointAgent;
import io.steward.work.agent.NoteAgent;
import io.steward.work.agent.ProjectAgent;
import io.steward.work.agent.TaskAgent;
import io.steward.work.agent.WorkPhrasebook;
import jakarta.annotation.PostConstruct;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Routing with the embedding model Steward ships and the agents' real profiles and tools. A change
 * of embedding model or of an agent's examples that misroutes these requests fails here, before any
 * run does.
 */
class AgentRouterTest {

  private static final OfflineChatModel OFFLINE_MODEL =
      new OfflineChatModel(List.of(new WorkPhrasebook(), new CrmPhrasebook()));

  private static AgentRouter router;

  @BeforeAll
  static void router() throws ReflectiveOperationException {
    List<Agent> agents =
        List.of(
            new CheckpointAgent(),
            new CrmAssistant(),
            new NoteAgent(),
            new ProjectAgent(),
            new TaskAgent());
    for (Agent agent : agents) {
      postConstruct(agent);
    }
    router = new AgentRouter();
    router.registry =
        new AgentRegistry() {
          @Override
          public List<Agent> agents() {
            return agents;
          }

          @Override
          public Optional<Agent> agent(String name) {
            return agents.stream().filter(agent -> agent.name().equals(name)).findFirst();
          }
        };
    router.embeddings = new AllMiniLmEmbeddingModel();
  }

  @Test
  void should_hand_each_request_the_offline_model_understands_to_an_agent_with_its_tool() {
    assertRoutes(
        Map.ofEntries(
            Map.entry("create a task to call Acme tomorrow", "task"),
            Map.entry("Please remind me to renew the domain next friday.", "task"),
            Map.entry("what's due today?", "task"),
            Map.entry("show my tasks in project Launch", "task"),
            Map.entry("log a call with Peter Gibbons about the TPS reports", "crm"),
            Map.entry("log a meeting with Bill Lumbergh", "crm"),
            Map.entry("who do we know at Acme", "crm"),
            Map.entry("find contacts at Initrode", "crm"),
            Map.entry("look up Jane Doe", "crm"),
            Map.entry("look up qzx vrrt plonk", "crm"),
            Map.entry(
                "add a note to Launch: kickoff went well, the client wants dark mode", "note"),
            Map.entry("note: the printer on the second floor is broken", "note"),
            Map.entry("write a note saying we moved the standup to 10am", "note"),
            Map.entry("create project Website relaunch for Acme", "project"),
            Map.entry("list all projects", "project"),
            Map.entry(
                "add a checkpoint Design review on 2026-12-01 to Website relaunch", "checkpoint")),
        message ->
            router.route(message, agent -> OFFLINE_MODEL.understands(message, toolNames(agent))));
  }

  @Test
  void should_route_the_documented_examples_by_meaning_alone() {
    assertRoutes(
        Map.ofEntries(
            Map.entry("create a task to call Acme tomorrow", "task"),
            Map.entry("Please remind me to renew the domain next friday.", "task"),
            Map.entry("What is due today?", "task"),
            Map.entry("log a call with Jane Doe about pricing", "crm"),
            Map.entry("log a call with Peter Gibbons about the TPS reports", "crm"),
            Map.entry("who do we know at Acme", "crm"),
            Map.entry("find contacts at Initrode", "crm"),
            Map.entry("add a note to Website relaunch: the client prefers email", "note"),
            Map.entry(
                "add a note to Launch: kickoff went well, the client wants dark mode", "note"),
            Map.entry(
                "add a checkpoint Design review on 2026-12-01 to Website relaunch", "checkpoint")),
        router::route);
  }

  /**
   * Requests in other words than any example, written after the examples were, and not tuned for:
   * most must reach the agent that has the tool for them. Routing by meaning has limits (the topic
   * of a short request can outweigh its verb), which a hosted model's classification covers.
   */
  @Test
  void should_route_most_requests_worded_unlike_any_example() {
    Map<String, String> expected =
        Map.ofEntries(
            Map.entry("Record a call with Michael Bolton, he wants a quote", "crm"),
            Map.entry("Does Initech have any open deals?", "crm"),
            Map.entry("Add Samir Nagheenanajar as a contact at Initech", "crm"),
            Map.entry("Which companies are in the software industry?", "crm"),
            Map.entry("Make a note that the client signed off on the design", "note"),
            Map.entry("Summarise the notes of the Globex project", "note"),
            Map.entry("Update the meeting note with the new budget", "note"),
            Map.entry("Assign the wireframes task to Bob", "task"),
            Map.entry("Set the logo task to high priority", "task"),
            Map.entry("Comment on the checkout task that the design is approved", "task"),
            Map.entry("What's on my plate tomorrow?", "task"),
            Map.entry("Archive the Initrode project", "project"),
            Map.entry("Which projects are finished?", "project"),
            Map.entry("Start a project for Initech called Office move", "project"),
            Map.entry("Push the launch milestone back by a week", "checkpoint"),
            Map.entry("What deadlines do we have in January?", "checkpoint"),
            Map.entry("Set a milestone for the beta release on March 1", "checkpoint"));
    List<String> misrouted = new ArrayList<>();
    expected.forEach(
        (message, agent) -> {
          AgentRouter.Route route = router.route(message);
          if (!route.agent().name().equals(agent)) {
            misrouted.add(describe(message, route));
          }
        });
    assertTrue(
        misrouted.size() <= expected.size() / 5,
        "more than a fifth misrouted:\n" + String.join("\n", misrouted));
  }

  @Test
  void should_leave_what_no_agent_does_to_the_task_agent() {
    assertEquals("task", router.route("").agent().name());
    assertEquals("task", router.route("qzx vrrt plonk").agent().name());
  }

  /** Routes every message and compares all at once, so a failure lists every misrouted one. */
  private static void assertRoutes(
      Map<String, String> expected, Function<String, AgentRouter.Route> routing) {
    Map<String, String> routed = new LinkedHashMap<>();
    List<String> details = new ArrayList<>();
    for (String message : expected.keySet()) {
      AgentRouter.Route route = routing.apply(message);
      routed.put(message, route.agent().name());
      details.add(describe(message, route));
    }
    assertEquals(expected, routed, String.join("\n", details));
  }

  private static String describe(String message, AgentRouter.Route route) {
    return String.format("%.3f %s <- %s", route.similarity(), route.agent().name(), message);
  }

  private static Set<String> toolNames(Agent agent) {
    return agent.tools().stream().map(AgentTool::name).collect(Collectors.toSet());
  }

  /** Builds the agent's tools as the container would after injection. */
  private static void postConstruct(Agent agent) throws ReflectiveOperationException {
    for (Method method : agent.getClass().getDeclaredMethods()) {
      if (method.isAnnotationPresent(PostConstruct.class)) {
        method.setAccessible(true);
        method.invoke(agent);
      }
    }
  }
}
