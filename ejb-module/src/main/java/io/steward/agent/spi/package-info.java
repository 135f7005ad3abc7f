/**
 * What a capability implements to give agents work to do: an {@link io.steward.agent.spi.Agent}
 * with its {@link io.steward.agent.spi.AgentTool}s (or a {@link io.steward.agent.spi.SharedSkill}
 * any agent may use), reading {@link io.steward.agent.spi.ToolArguments} and answering a {@link
 * io.steward.agent.spi.ToolOutcome}. Capabilities depend on this package only, never on the run
 * engine in {@code io.steward.agent.application}.
 */
package io.steward.agent.spi;
