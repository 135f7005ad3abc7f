package io.steward.agent.application;

import java.util.List;

/**
 * An agent: a CDI bean that names itself, says what it is for and which tools (skills) it may use.
 * Tools call the capabilities' application services with the caller's identity; agents hold no
 * business logic of their own.
 */
public interface Agent {

  /** Stable name used in URLs and run history, e.g. {@code task}. */
  String name();

  /** One or two sentences for people, the model and agent cards. */
  String description();

  /** Typical requests this agent handles, used to route a message to the right agent. */
  List<String> examples();

  List<AgentTool> tools();
}
