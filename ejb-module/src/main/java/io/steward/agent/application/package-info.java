/**
 * Agents and their runs: the registry of the agents capabilities contribute through {@code
 * io.steward.agent.spi}, the run pipeline that turns a person's request into model calls, tool
 * calls and AG-UI events, and the live and stored event log of every run.
 */
package io.steward.agent.application;
