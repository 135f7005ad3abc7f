package io.steward.agent.domain;

import io.steward.tenancy.domain.WorkspaceId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A conversation (AG-UI {@code threadId}) that runs continue: the history the model sees next time
 * (stored as LangChain4j message JSON) and the ids of the client's messages already in it, so a
 * client that resends the whole conversation adds only what is new.
 */
@Entity
@Table(name = "agent_thread")
public class AgentThread {

  @Id private UUID id;

  @Column(name = "workspace_id", nullable = false, updatable = false)
  private UUID workspaceId;

  @Column(name = "thread_id", nullable = false, updatable = false)
  private String threadId;

  @Column(name = "started_by", nullable = false, updatable = false)
  private String startedBy;

  @Column(nullable = false, length = 1_000_000)
  private String messages;

  @Column(name = "message_ids", nullable = false, length = 100_000)
  private String messageIds;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private int version;

  protected AgentThread() {}

  public AgentThread(WorkspaceId workspace, String threadId, String startedBy, Instant at) {
    this.id = UUID.randomUUID();
    this.workspaceId = workspace.value();
    this.threadId = threadId;
    this.startedBy = startedBy;
    this.messages = "[]";
    this.messageIds = "[]";
    this.updatedAt = at;
  }

  public void remember(String messages, String messageIds, Instant at) {
    this.messages = messages;
    this.messageIds = messageIds;
    this.updatedAt = at;
  }

  public String threadId() {
    return threadId;
  }

  public String startedBy() {
    return startedBy;
  }

  public String messages() {
    return messages;
  }

  public String messageIds() {
    return messageIds;
  }
}
