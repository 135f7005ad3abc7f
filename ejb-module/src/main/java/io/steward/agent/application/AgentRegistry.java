package io.steward.agent.application;

import io.steward.agent.spi.Agent;
import io.steward.agent.spi.AgentTool;
import io.steward.agent.spi.SharedSkill;
import io.steward.provider.application.AgentCatalog;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The agents of this installation: every {@link Agent} bean, by name. It feeds routing, runs,
 * GraphQL and (later) A2A cards and the MCP server.
 */
@ApplicationScoped
public class AgentRegistry implements AgentCatalog {

  /** Where a message no agent clearly fits goes. */
  public static final String FALLBACK_AGENT = "task";

  @Inject @Any Instance<Agent> beans;
  @Inject @Any Instance<SharedSkill> sharedSkills;

  private Map<String, Agent> agents;
  private List<AgentTool> shared;

  @PostConstruct
  void collect() {
    shared =
        sharedSkills.stream()
            .map(SharedSkill::tool)
            .sorted(Comparator.comparing(AgentTool::name))
            .toList();
    Map<String, Agent> byName = new LinkedHashMap<>();
    beans.stream()
        .sorted(Comparator.comparing(Agent::name))
        .forEach(
            agent -> {
              if (byName.put(agent.name(), agent) != null) {
                throw new IllegalStateException("two agents are named " + agent.name());
              }
              Set<String> toolNames = new HashSet<>();
              for (AgentTool tool : toolsOf(agent)) {
                if (!toolNames.add(tool.name())) {
                  throw new IllegalStateException(
                      "agent " + agent.name() + " has two tools named " + tool.name());
                }
              }
            });
    agents = byName;
  }

  public List<Agent> agents() {
    return List.copyOf(agents.values());
  }

  public Optional<Agent> agent(String name) {
    return Optional.ofNullable(agents.get(name));
  }

  /** The agent's own tools and the skills every agent shares. */
  public List<AgentTool> toolsOf(Agent agent) {
    List<AgentTool> tools = new ArrayList<>(agent.tools());
    tools.addAll(shared);
    return tools;
  }

  @Override
  public Optional<Set<String>> toolNames(String agent) {
    return agent(agent)
        .map(found -> toolsOf(found).stream().map(AgentTool::name).collect(Collectors.toSet()));
  }
}
