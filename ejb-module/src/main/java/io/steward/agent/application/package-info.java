/**
 * Agents and their runs as the rest of Steward sees them: the registry of the agents capabilities
 * contribute through {@code io.steward.agent.spi}, routing by meaning, prompt templates and
 * playbooks, the policy that decides on the changes agents propose, and the run service that turns
 * a person's request into model calls, tool calls and AG-UI events (implemented, with the run
 * engine, in {@code internal}).
 */
package io.steward.agent.application;
