package io.steward.provider.application;

import java.util.Optional;
import java.util.Set;

/** The agents settings can name, with their tools; provided by the agent capability. */
public interface AgentCatalog {

  /** The names of the agent's tools, or empty when there is no such agent. */
  Optional<Set<String>> toolNames(String agent);
}
