package io.steward.crm.domain;

import io.steward.shared.domain.Patch;
import java.util.UUID;

/**
 * Changes to what is written down about a contact: fields left out keep their values; checked by
 * {@link Contact}.
 */
public record ContactUpdate(
    Patch<String> name,
    Patch<UUID> companyId,
    Patch<String> email,
    Patch<String> phone,
    Patch<Integer> leadScore) {

  /** Every field given: the contact takes exactly these details. */
  public static ContactUpdate whole(ContactDetails details) {
    return new ContactUpdate(
        Patch.set(details.name()),
        Patch.set(details.companyId()),
        Patch.set(details.email()),
        Patch.set(details.phone()),
        Patch.set(details.leadScore()));
  }
}
