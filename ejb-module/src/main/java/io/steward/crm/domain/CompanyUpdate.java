package io.steward.crm.domain;

import io.steward.shared.domain.Patch;

/** Changes to a company: fields left out keep their values; checked by {@link Company}. */
public record CompanyUpdate(Patch<String> name, Patch<String> website, Patch<String> industry) {

  /** Every field given: the company takes exactly these values. */
  public static CompanyUpdate whole(String name, String website, String industry) {
    return new CompanyUpdate(Patch.set(name), Patch.set(website), Patch.set(industry));
  }
}
