/**
 * How runs are carried out. {@link io.steward.agent.application.internal.DefaultAgentRunService}
 * starts runs and serves their events, live ({@code LiveRuns}) or stored ({@code StoredRunReplay},
 * {@code RunRecovery}). The run engine executes a run on its own thread ({@code RunExecutor}: route
 * → plan, or act stage by stage, each agent conversing through model and tool calls → synthesize →
 * complete), its parts sharing the run's state through a {@code RunContext}:
 *
 * <ul>
 *   <li>{@code RunRouting}: who acts (the stages a request names, the orchestrator's
 *       classification, entering each agent); {@code Orchestrator} writes its prompts and reads
 *       their answers;
 *   <li>{@code RunModels}: which model, the one place where a run's models are chosen;
 *   <li>{@code PlanMode}: plan mode, answering a playbook instead of acting ({@code
 *       PlaybookCatalog} keeps playbooks);
 *   <li>{@code RunModelCalls}: one streamed model call (gate, retry, cancel, timeout, prompt
 *       guard), and the orchestrator's whole-answer calls; {@code ModelStream} hands the stream to
 *       the run's thread;
 *   <li>{@code ToolCalls}: the tools offered and each tool call (policy, transaction, outcome,
 *       blocks); where approvals will hold changes for a person;
 *   <li>{@code RunPrompts} and {@code PromptGuard}: what the model is told, and keeping it from
 *       clients;
 *   <li>{@code RunMetering} and {@code RunUsage}: budgets and the tokens used;
 *   <li>{@code AgUiWriter}, {@code RunRecorder}, {@code Blocks} and {@code Conversation}: the AG-UI
 *       events written, their recording, the rich blocks shown and the thread's messages.
 * </ul>
 */
package io.steward.agent.application.internal;
