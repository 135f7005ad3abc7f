/** Runs of agents, their stored event logs and the conversation threads they continue. */
package io.steward.agent.domain;
