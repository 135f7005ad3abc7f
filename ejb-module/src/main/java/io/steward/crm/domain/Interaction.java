package io.steward.crm.domain;

import io.steward.shared.domain.Dates;
import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.Text;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A call, email, meeting or note with a contact, at a time. */
@Entity
@Table(name = "interaction")
public class Interaction extends WorkspaceRecord {

  @Column(name = "contact_id", nullable = false, updatable = false)
  private UUID contactId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private InteractionKind kind;

  @Column(nullable = false)
  private String summary;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  protected Interaction() {}

  private Interaction(WorkspaceId workspace, UUID contactId) {
    super(workspace);
    this.contactId = contactId;
  }

  public static Interaction log(
      WorkspaceId workspace,
      UUID contactId,
      InteractionKind kind,
      String summary,
      Instant occurredAt)
      throws InvalidInputException {
    Interaction interaction = new Interaction(workspace, contactId);
    interaction.revise(kind, summary, occurredAt);
    return interaction;
  }

  public void revise(InteractionKind kind, String summary, Instant occurredAt)
      throws InvalidInputException {
    if (kind == null) {
      throw new InvalidInputException("kind", "must be given");
    }
    if (occurredAt == null) {
      throw new InvalidInputException("occurredAt", "must be given");
    }
    this.kind = kind;
    this.summary = Text.markdown("summary", summary, true);
    this.occurredAt = Dates.inRange("occurredAt", occurredAt);
  }

  public UUID contactId() {
    return contactId;
  }

  public InteractionKind kind() {
    return kind;
  }

  public String summary() {
    return summary;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  @Override
  public String label() {
    return summary;
  }

  @Override
  public Map<String, Object> state() {
    return state(
        "contactId", contactId,
        "kind", kind,
        "summary", summary,
        "occurredAt", occurredAt);
  }
}
