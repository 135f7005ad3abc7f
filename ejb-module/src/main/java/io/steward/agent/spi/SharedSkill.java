package io.steward.agent.spi;

/**
 * A skill every agent has, contributed by a capability as a CDI bean (e.g. searching the knowledge
 * base), so agents need not list it one by one.
 */
public interface SharedSkill {

  AgentTool tool();
}
