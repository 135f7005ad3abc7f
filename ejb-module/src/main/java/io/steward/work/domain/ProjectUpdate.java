package io.steward.work.domain;

import io.steward.shared.domain.Patch;
import java.util.UUID;

/** Changes to a project: fields left out keep their values; checked by {@link Project}. */
public record ProjectUpdate(Patch<String> name, Patch<UUID> companyId) {

  /** Every field given: the project takes exactly these values. */
  public static ProjectUpdate whole(String name, UUID companyId) {
    return new ProjectUpdate(Patch.set(name), Patch.set(companyId));
  }
}
