package io.steward.shared.application;

import io.steward.shared.domain.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Cursor pagination over sorted queries: a cursor is an opaque token for a position in the sorted
 * result; {@code after} resumes right behind it.
 */
public final class Paging {

  public static final int MAX_PAGE_SIZE = 100;
  private static final String PREFIX = "at:";

  /** Where a page starts and how many items it holds. */
  public record PageRequest(int offset, int limit) {}

  private Paging() {}

  public static PageRequest request(int first, String after) throws InvalidInputException {
    if (first < 1 || first > MAX_PAGE_SIZE) {
      throw new InvalidInputException("first", "must be between 1 and " + MAX_PAGE_SIZE);
    }
    return new PageRequest(after == null ? 0 : positionOf(after), first);
  }

  /** The cursor of the item at this zero-based position of the whole result. */
  public static String cursor(int position) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + (position + 1)).getBytes(StandardCharsets.UTF_8));
  }

  private static int positionOf(String cursor) throws InvalidInputException {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (text.startsWith(PREFIX)) {
        int position = Integer.parseInt(text.substring(PREFIX.length()));
        if (position >= 0) {
          return position;
        }
      }
    } catch (IllegalArgumentException e) {
      // falls through to the validation failure below
    }
    throw new InvalidInputException("after", "is not a cursor returned by this query");
  }
}
