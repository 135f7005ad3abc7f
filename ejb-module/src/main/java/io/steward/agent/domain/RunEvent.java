package io.steward.agent.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * One AG-UI event of a run, as sent: its position in the run (1, 2, …; also the SSE event id a
 * client resumes from), its type and its JSON.
 */
@Entity
@Table(name = "agent_run_event")
public class RunEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, updatable = false)
  private UUID run;

  @Column(nullable = false, updatable = false)
  private int sequence;

  @Column(nullable = false, updatable = false)
  private String type;

  @Column(nullable = false, updatable = false, length = 1_000_000)
  private String payload;

  protected RunEvent() {}

  public RunEvent(UUID run, int sequence, String type, String payload) {
    this.run = run;
    this.sequence = sequence;
    this.type = type;
    this.payload = payload;
  }

  public int sequence() {
    return sequence;
  }

  public String type() {
    return type;
  }

  public String payload() {
    return payload;
  }
}
