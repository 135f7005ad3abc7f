package io.steward.agent.application.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps protected text (the server's instructions, admins' instructions, tool schemas, prompt
 * templates, routing prompts) out of what a model streams to clients. Protected text is cut into
 * overlapping pieces of {@value #PIECE} characters (lower case, runs of white space as one space);
 * a stream that repeats any piece is withheld from there on.
 *
 * <p>Text streams through at once while it does not look like protected text. Once every {@value
 * #WINDOW}-character window of the latest text also occurs in protected text, the stream is held
 * back until it either stops looking so (and is released) or completes a piece (and is withheld).
 * At most the first {@value #WINDOW} - 1 characters of a repeated piece can get out.
 */
final class PromptGuard {

  static final int PIECE = 32;
  static final int WINDOW = 8;

  private final Set<String> pieces = new HashSet<>();
  private final Set<String> windows = new HashSet<>();

  PromptGuard(Collection<String> protectedTexts) {
    for (String text : protectedTexts) {
      String normal = normalise(text);
      for (int end = WINDOW; end <= normal.length(); end++) {
        windows.add(normal.substring(end - WINDOW, end));
        if (end >= PIECE) {
          pieces.add(normal.substring(end - PIECE, end));
        }
      }
    }
  }

  /** A filter for one streamed text (a message, its reasoning or a tool call's arguments). */
  Filter filter() {
    return new Filter();
  }

  final class Filter {
    /** Original text not sent yet, and which of its characters count in the normal form. */
    private final StringBuilder held = new StringBuilder();

    private final StringBuilder counted = new StringBuilder();
    private final StringBuilder recent = new StringBuilder();
    private int streak;
    private boolean tripped;

    /** Takes the next delta; answers what may be sent now (possibly nothing). */
    String accept(String delta) {
      if (tripped || delta == null) {
        return "";
      }
      StringBuilder ready = new StringBuilder();
      for (int i = 0; i < delta.length(); i++) {
        char c = delta.charAt(i);
        held.append(c);
        boolean space = Character.isWhitespace(c);
        boolean counts =
            !(space && recent.length() > 0 && recent.charAt(recent.length() - 1) == ' ');
        counted.append(counts ? '1' : '0');
        if (counts) {
          recent.append(space ? ' ' : Character.toLowerCase(c));
          if (recent.length() > PIECE) {
            recent.deleteCharAt(0);
          }
          int length = recent.length();
          if (length >= WINDOW && windows.contains(recent.substring(length - WINDOW))) {
            streak = streak == 0 ? WINDOW : streak + 1;
          } else {
            streak = 0;
          }
          if (length == PIECE && pieces.contains(recent.toString())) {
            tripped = true;
            held.setLength(0);
            counted.setLength(0);
            return ready.toString();
          }
        }
        release(ready, streak == 0 ? 0 : PIECE - 1);
      }
      return ready.toString();
    }

    /** Moves held text to {@code ready} until only {@code keep} counted characters are held. */
    private void release(StringBuilder ready, int keep) {
      int total = 0;
      for (int i = 0; i < counted.length(); i++) {
        total += counted.charAt(i) == '1' ? 1 : 0;
      }
      int cut = 0;
      while (cut < counted.length() && total > keep) {
        total -= counted.charAt(cut) == '1' ? 1 : 0;
        cut++;
      }
      if (keep == 0) {
        cut = counted.length();
      }
      ready.append(held, 0, cut);
      held.delete(0, cut);
      counted.delete(0, cut);
    }

    /** The text still held back, once the stream ended (nothing when it was withheld). */
    String rest() {
      String rest = tripped ? "" : held.toString();
      held.setLength(0);
      counted.setLength(0);
      streak = 0;
      return rest;
    }

    /** Whether the stream repeated protected text. */
    boolean tripped() {
      return tripped;
    }
  }

  static String normalise(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }
}
