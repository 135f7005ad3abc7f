package io.steward.knowledge.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cuts a document's passages into chunks of about {@code size} characters for search. Passages of
 * the same section and page are joined; a longer run is cut into windows at word boundaries, each
 * starting with the last {@code overlap} characters of the one before, so a sentence cut at a
 * window's end is still found whole in the next.
 */
public final class Chunker {

  private final int size;
  private final int overlap;

  public Chunker(int size, int overlap) {
    if (size < 100 || overlap < 0 || overlap >= size / 2) {
      throw new IllegalArgumentException("size must be >= 100 and overlap < size / 2");
    }
    this.size = size;
    this.overlap = overlap;
  }

  public List<Passage> chunk(List<Passage> passages) {
    List<Passage> chunks = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    Passage first = null;
    for (Passage passage : passages) {
      String text = passage.text().strip();
      if (text.isEmpty()) {
        continue;
      }
      if (first != null && !samePlaceAs(first, passage)) {
        cut(run.toString(), first, chunks);
        run.setLength(0);
      }
      if (run.isEmpty()) {
        first = passage;
      } else {
        run.append("\n\n");
      }
      run.append(text);
    }
    if (first != null) {
      cut(run.toString(), first, chunks);
    }
    return chunks;
  }

  private static boolean samePlaceAs(Passage a, Passage b) {
    return Objects.equals(a.section(), b.section()) && Objects.equals(a.page(), b.page());
  }

  private void cut(String text, Passage place, List<Passage> chunks) {
    int start = 0;
    while (start < text.length()) {
      int end = Math.min(text.length(), start + size);
      if (end < text.length()) {
        int space = text.lastIndexOf(' ', end);
        int lineBreak = text.lastIndexOf('\n', end);
        int boundary = Math.max(space, lineBreak);
        if (boundary > start + size / 2) {
          end = boundary;
        }
      }
      chunks.add(new Passage(text.substring(start, end).strip(), place.section(), place.page()));
      if (end >= text.length()) {
        break;
      }
      int next = end - overlap;
      int wordStart = text.indexOf(' ', next);
      start = wordStart > next && wordStart < end ? wordStart + 1 : next;
    }
  }
}
