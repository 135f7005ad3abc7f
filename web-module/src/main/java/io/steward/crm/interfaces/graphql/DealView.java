package io.steward.crm.interfaces.graphql;

import io.steward.crm.domain.Deal;
import io.steward.crm.interfaces.graphql.CrmEnums.DealStage;
import io.steward.shared.interfaces.graphql.Enums;
import io.steward.tenancy.interfaces.graphql.RecordView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("Deal")
public class DealView extends RecordView {

  private final String title;
  private final String companyId;
  private final String contactId;
  private final BigDecimal value;
  private final String currency;
  private final DealStage stage;
  private final LocalDate expectedClose;
  private final OffsetDateTime closedAt;

  DealView(Deal deal) {
    super(deal);
    this.title = deal.title();
    this.companyId = deal.companyId().toString();
    this.contactId = deal.contactId() == null ? null : deal.contactId().toString();
    this.value = deal.value();
    this.currency = deal.currency();
    this.stage = Enums.convert(deal.stage(), DealStage.class);
    this.expectedClose = deal.expectedClose();
    this.closedAt = deal.closedAt() == null ? null : deal.closedAt().atOffset(ZoneOffset.UTC);
  }

  public @NonNull String getTitle() {
    return title;
  }

  public @NonNull @Id String getCompanyId() {
    return companyId;
  }

  public @Id String getContactId() {
    return contactId;
  }

  @Description("In the deal's currency, with at most two decimals")
  public @NonNull BigDecimal getValue() {
    return value;
  }

  @Description("ISO 4217 code, e.g. EUR")
  public @NonNull String getCurrency() {
    return currency;
  }

  public @NonNull DealStage getStage() {
    return stage;
  }

  public LocalDate getExpectedClose() {
    return expectedClose;
  }

  @Description("When the deal was won or lost")
  public OffsetDateTime getClosedAt() {
    return closedAt;
  }
}
