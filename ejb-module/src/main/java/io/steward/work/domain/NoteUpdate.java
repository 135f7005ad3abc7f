package io.steward.work.domain;

import io.steward.shared.domain.Patch;
import java.util.UUID;

/** Changes to a note: fields left out keep their values; checked by {@link Note}. */
public record NoteUpdate(Patch<String> title, Patch<String> content, Patch<UUID> projectId) {

  /** Every field given: the note takes exactly these values. */
  public static NoteUpdate whole(String title, String content, UUID projectId) {
    return new NoteUpdate(Patch.set(title), Patch.set(content), Patch.set(projectId));
  }
}
