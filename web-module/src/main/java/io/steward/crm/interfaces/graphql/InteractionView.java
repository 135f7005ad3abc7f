package io.steward.crm.interfaces.graphql;

import io.steward.crm.domain.Interaction;
import io.steward.crm.interfaces.graphql.CrmEnums.InteractionKind;
import io.steward.shared.interfaces.graphql.Enums;
import io.steward.tenancy.interfaces.graphql.RecordView;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("Interaction")
public class InteractionView extends RecordView {

  private final String contactId;
  private final InteractionKind kind;
  private final String summary;
  private final OffsetDateTime occurredAt;

  InteractionView(Interaction interaction) {
    super(interaction);
    this.contactId = interaction.contactId().toString();
    this.kind = Enums.convert(interaction.kind(), InteractionKind.class);
    this.summary = interaction.summary();
    this.occurredAt = interaction.occurredAt().atOffset(ZoneOffset.UTC);
  }

  public @NonNull @Id String getContactId() {
    return contactId;
  }

  public @NonNull InteractionKind getKind() {
    return kind;
  }

  @Description("Markdown")
  public @NonNull String getSummary() {
    return summary;
  }

  public @NonNull OffsetDateTime getOccurredAt() {
    return occurredAt;
  }
}
