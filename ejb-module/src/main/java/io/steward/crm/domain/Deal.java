package io.steward.crm.domain;

import io.steward.shared.domain.Dates;
import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.RuleViolationException;
import io.steward.shared.domain.Text;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A sales opportunity with a company, moving through the pipeline stages. Won or lost deals are
 * closed: their stage and terms no longer change.
 */
@Entity
@Table(name = "deal")
public class Deal extends WorkspaceRecord {

  /** Up to 10^17 with cents, the range of the value column. */
  private static final BigDecimal MAX_VALUE = new BigDecimal("99999999999999999.99");

  /** Digits a value may be written with, trailing zeros included. */
  private static final int MAX_DIGITS = 40;

  @Column(nullable = false, length = 200)
  private String title;

  @Column(name = "company_id", nullable = false)
  private UUID companyId;

  @Column(name = "contact_id")
  private UUID contactId;

  @Column(name = "amount", nullable = false, precision = 19, scale = 2)
  private BigDecimal value;

  @Column(nullable = false, length = 3)
  private String currency;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DealStage stage;

  @Column(name = "expected_close")
  private LocalDate expectedClose;

  @Column(name = "closed_at")
  private Instant closedAt;

  protected Deal() {}

  private Deal(WorkspaceId workspace) {
    super(workspace);
    this.stage = DealStage.LEAD;
  }

  /** A new deal, at the lead stage. */
  public static Deal open(WorkspaceId workspace, DealTerms terms) throws InvalidInputException {
    Deal deal = new Deal(workspace);
    deal.write(terms);
    return deal;
  }

  public void revise(DealTerms terms) throws InvalidInputException, RuleViolationException {
    requireOpen();
    write(terms);
  }

  /** Moves the deal to a stage; won and lost close it. */
  public void moveTo(DealStage next, Instant now) throws RuleViolationException {
    requireOpen();
    if (next == stage) {
      throw new RuleViolationException("The deal is already at this stage");
    }
    stage = next;
    closedAt = next.closed() ? now : null;
  }

  private void requireOpen() throws RuleViolationException {
    if (stage.closed()) {
      throw new RuleViolationException(
          "The deal is closed (" + stage.name().toLowerCase(Locale.ROOT) + ")");
    }
  }

  private void write(DealTerms terms) throws InvalidInputException {
    if (terms.companyId() == null) {
      throw new InvalidInputException("companyId", "a deal needs a company");
    }
    this.title = Text.requireSingleLine("title", terms.title(), 200);
    this.companyId = terms.companyId();
    this.contactId = terms.contactId();
    this.value = value(terms.value());
    this.currency = currency(terms.currency());
    this.expectedClose = Dates.inRange("expectedClose", terms.expectedClose());
  }

  private static BigDecimal value(BigDecimal value) throws InvalidInputException {
    if (value == null || value.signum() < 0 || value.compareTo(MAX_VALUE) > 0) {
      throw new InvalidInputException("value", "must be between 0 and " + MAX_VALUE);
    }
    // Stripping zeros takes time quadratic in the digits: absurdly long numbers are refused first.
    if (value.precision() > MAX_DIGITS || value.stripTrailingZeros().scale() > 2) {
      throw new InvalidInputException(
          "value", "must have at most two decimal places (and at most " + MAX_DIGITS + " digits)");
    }
    return value.setScale(2);
  }

  private static String currency(String code) throws InvalidInputException {
    String upper = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    try {
      if (upper.length() == 3) {
        return Currency.getInstance(upper).getCurrencyCode();
      }
    } catch (IllegalArgumentException e) {
      // falls through to the validation failure below
    }
    throw new InvalidInputException("currency", "must be an ISO 4217 currency code such as EUR");
  }

  public String title() {
    return title;
  }

  public UUID companyId() {
    return companyId;
  }

  public UUID contactId() {
    return contactId;
  }

  public BigDecimal value() {
    return value;
  }

  public String currency() {
    return currency;
  }

  public DealStage stage() {
    return stage;
  }

  public LocalDate expectedClose() {
    return expectedClose;
  }

  public Instant closedAt() {
    return closedAt;
  }

  @Override
  public String label() {
    return title;
  }

  @Override
  public Map<String, Object> state() {
    return state(
        "title", title,
        "companyId", companyId,
        "contactId", contactId,
        "value", value,
        "currency", currency,
        "stage", stage,
        "expectedClose", expectedClose,
        "closedAt", closedAt);
  }
}
