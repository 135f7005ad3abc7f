/**
 * Agents and their runs: the registry of code-defined agents and their tools, the run pipeline that
 * turns a person's request into model calls, tool calls and AG-UI events, and the live and stored
 * event log of every run.
 */
package io.steward.agent.application;
