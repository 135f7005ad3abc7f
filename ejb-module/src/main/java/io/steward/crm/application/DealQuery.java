package io.steward.crm.application;

import io.steward.crm.domain.DealStage;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Which deals to list and in what order; absent (null) criteria do not filter. {@code closingBy}
 * means expected to close on or before that date; {@code search} looks in the title.
 */
public record DealQuery(
    UUID companyId,
    UUID contactId,
    List<DealStage> stages,
    LocalDate closingBy,
    String search,
    DealOrder order) {

  /** Every deal, soonest expected close first. */
  public static DealQuery all() {
    return new DealQuery(null, null, null, null, null, null);
  }

  public DealQuery ofCompany(UUID companyId) {
    return new DealQuery(companyId, contactId, stages, closingBy, search, order);
  }

  public DealQuery inStages(List<DealStage> stages) {
    return new DealQuery(companyId, contactId, stages, closingBy, search, order);
  }

  public DealQuery matching(String search) {
    return new DealQuery(companyId, contactId, stages, closingBy, search, order);
  }

  /** How deal lists are sorted. */
  public enum DealOrder {
    /** Soonest first, undated last. */
    EXPECTED_CLOSE,
    /** Largest amount first, whatever the currency. */
    VALUE,
    RECENTLY_UPDATED
  }
}
