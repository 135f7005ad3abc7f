package io.steward.crm.application;

import java.util.UUID;

/**
 * Which contacts to list and in what order; absent (null) criteria do not filter. {@code
 * minLeadScore} is the least lead score; {@code search} looks in name and email.
 */
public record ContactQuery(
    UUID companyId, String ownerId, Integer minLeadScore, String search, ContactOrder order) {

  /** The contacts whose name or email contains the text, by name. */
  public static ContactQuery matching(String search) {
    return new ContactQuery(null, null, null, search, ContactOrder.NAME);
  }

  /** How contact lists are sorted. */
  public enum ContactOrder {
    NAME,
    /** Hottest first, unscored last. */
    LEAD_SCORE,
    RECENTLY_UPDATED
  }
}
