package io.steward.agent.application.internal;

import io.steward.agent.spi.Agent;
import io.steward.approval.domain.Requester;
import io.steward.provider.application.ChatModelChoice;
import io.steward.tenancy.domain.WorkspaceId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One run while it executes, handed to each part of the run engine: the job, where its events go
 * (the recorder and the AG-UI writer on it), the blocks its tools may show, the tokens it used, who
 * acts now and with which model, and what the prompt guard saw of the tool calls the model made.
 * Not thread-safe: one run, one thread.
 */
final class RunContext {

  /** The name runs and usage record for the orchestrator's own model calls. */
  static final String ORCHESTRATOR = "orchestrator";

  private final RunJob job;
  private final RunRecorder recorder;
  private final AgUiWriter writer;
  private final Blocks blocks = new Blocks();
  private final RunUsage usage = new RunUsage();
  private final Map<String, PromptGuard.Filter> argumentFilters = new HashMap<>();
  private final Set<String> withheldCalls = new HashSet<>();
  private final List<UUID> held = new ArrayList<>();
  private Agent agent;
  private ChatModelChoice model;

  RunContext(RunJob job, RunStore store) {
    this.job = job;
    this.recorder = new RunRecorder(job.run(), job.live(), store);
    this.writer = new AgUiWriter(job.threadId(), job.runId(), recorder::record, Clock.systemUTC());
  }

  RunJob job() {
    return job;
  }

  WorkspaceId workspace() {
    return job.workspace().id();
  }

  String runId() {
    return job.runId();
  }

  /** Who the run's writes are for, as the action policy sees them. */
  Requester requester() {
    return job.requester();
  }

  /** A write of the run waits for a person: the run ends with an interrupt for it. */
  void hold(UUID approval) {
    held.add(approval);
  }

  /** Whether any write of the run was held for a person. */
  boolean holding() {
    return !held.isEmpty();
  }

  RunRecorder recorder() {
    return recorder;
  }

  AgUiWriter writer() {
    return writer;
  }

  Blocks blocks() {
    return blocks;
  }

  RunUsage usage() {
    return usage;
  }

  /** Whether someone asked to cancel the run. */
  boolean cancelled() {
    return job.live().cancelRequested();
  }

  /** From now on {@code agent} (null: the orchestrator) acts, with {@code model}. */
  void act(Agent agent, ChatModelChoice model) {
    this.agent = agent;
    this.model = model;
  }

  /** The acting agent; null while the orchestrator routes or plans. */
  Agent agent() {
    return agent;
  }

  /** The name of who acts: the agent's, or {@link #ORCHESTRATOR}. */
  String actor() {
    return agent == null ? ORCHESTRATOR : agent.name();
  }

  /** The model the acting agent (or the orchestrator) calls. */
  ChatModelChoice model() {
    return model;
  }

  /**
   * The filter a tool call's streamed arguments pass through; the first fragment of a call makes it
   * with {@code guard}. Kept for the whole run, like the ids the client saw.
   */
  PromptGuard.Filter argumentFilter(String callId, PromptGuard guard) {
    return argumentFilters.computeIfAbsent(callId, id -> guard.filter());
  }

  /** Whether any arguments of the call have passed a filter yet. */
  boolean argumentsStarted(String callId) {
    return argumentFilters.containsKey(callId);
  }

  /** Marks a tool call whose arguments repeated protected text: it must not run. */
  void withhold(String callId) {
    withheldCalls.add(callId);
  }

  boolean withheld(String callId) {
    return withheldCalls.contains(callId);
  }
}
