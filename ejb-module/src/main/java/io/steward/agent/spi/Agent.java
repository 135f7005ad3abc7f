package io.steward.agent.spi;

import java.util.List;

/**
 * An agent: a CDI bean that names itself, says what it is for and which tools (skills) it may use.
 * Tools call the capabilities' application services with the caller's identity; agents hold no
 * business logic of their own.
 */
public interface Agent {

  /**
   * Who an agent is: a stable name used in URLs and run history (e.g. {@code task}), one or two
   * sentences for people, the model and agent cards, and typical requests it handles, which route
   * messages to it.
   */
  record Profile(String name, String description, List<String> examples) {

    public Profile {
      examples = List.copyOf(examples);
    }
  }

  Profile profile();

  List<AgentTool> tools();

  default String name() {
    return profile().name();
  }

  default String description() {
    return profile().description();
  }

  default List<String> examples() {
    return profile().examples();
  }
}
