package io.steward.agent.domain;

import io.steward.approval.domain.RequesterKind;
import io.steward.tenancy.domain.WorkspaceId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * One request to an agent: who started it, in which thread, with which agent and model, how it
 * ended and what it cost. Its AG-UI events are stored as {@link RunEvent}s in order. The run id is
 * the client's (AG-UI {@code runId}), unique within the workspace.
 */
@Entity
@Table(name = "agent_run")
public class AgentRun {

  public static final int ID_MAX_LENGTH = 200;

  @Id private UUID id;

  @Column(name = "workspace_id", nullable = false, updatable = false)
  private UUID workspaceId;

  @Column(name = "run_id", nullable = false, updatable = false)
  private String runId;

  @Column(name = "thread_id", nullable = false, updatable = false)
  private String threadId;

  @Column(nullable = false)
  private String agent;

  @Column(nullable = false)
  private String model;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private RunStatus status;

  @Column(name = "started_by", nullable = false, updatable = false)
  private String startedBy;

  @Column(name = "started_at", nullable = false, updatable = false)
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column(name = "error_code")
  private String errorCode;

  @Column(name = "input_tokens", nullable = false)
  private long inputTokens;

  @Column(name = "output_tokens", nullable = false)
  private long outputTokens;

  @Column(name = "event_count", nullable = false)
  private int eventCount;

  /** Who asked for the run: a person chatting, or a schedule, trigger or outside agent. */
  @Enumerated(EnumType.STRING)
  @Column(name = "requester_kind", nullable = false, updatable = false)
  private RequesterKind requesterKind;

  /** The server instance executing the run, so a restarted instance finds the runs it dropped. */
  @Column(nullable = false, updatable = false)
  private String node;

  @Version private int version;

  protected AgentRun() {}

  public AgentRun(
      WorkspaceId workspace,
      String runId,
      String threadId,
      String agent,
      String model,
      String startedBy,
      RequesterKind requesterKind,
      Instant startedAt,
      String node) {
    this.id = UUID.randomUUID();
    this.workspaceId = workspace.value();
    this.runId = runId;
    this.threadId = threadId;
    this.agent = agent;
    this.model = model;
    this.status = RunStatus.RUNNING;
    this.startedBy = startedBy;
    this.requesterKind = requesterKind;
    this.startedAt = startedAt;
    this.node = node;
  }

  /** Records the final status, with an error code for failures and what the model used. */
  public void finish(
      RunStatus status,
      String errorCode,
      long inputTokens,
      long outputTokens,
      int eventCount,
      Instant at) {
    if (status == RunStatus.RUNNING) {
      throw new IllegalArgumentException("a run finishes with a final status");
    }
    this.status = status;
    this.errorCode = errorCode;
    this.inputTokens = inputTokens;
    this.outputTokens = outputTokens;
    this.eventCount = eventCount;
    this.finishedAt = at;
  }

  /** The agent chosen by routing and the model it runs with, once they are known. */
  public void routeTo(String agent, String model) {
    this.agent = agent;
    this.model = model;
  }

  public UUID id() {
    return id;
  }

  public WorkspaceId workspaceId() {
    return new WorkspaceId(workspaceId);
  }

  public String runId() {
    return runId;
  }

  public String threadId() {
    return threadId;
  }

  public String agent() {
    return agent;
  }

  public String model() {
    return model;
  }

  public RunStatus status() {
    return status;
  }

  public boolean finished() {
    return status != RunStatus.RUNNING;
  }

  public String startedBy() {
    return startedBy;
  }

  public RequesterKind requesterKind() {
    return requesterKind;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  public String errorCode() {
    return errorCode;
  }

  public long inputTokens() {
    return inputTokens;
  }

  public long outputTokens() {
    return outputTokens;
  }

  public int eventCount() {
    return eventCount;
  }

  public String node() {
    return node;
  }
}
