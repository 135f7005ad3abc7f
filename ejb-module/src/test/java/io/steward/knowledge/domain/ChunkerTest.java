package io.steward.knowledge.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {

  private final Chunker chunker = new Chunker(100, 20);

  @Test
  void should_join_short_passages_of_one_section_and_keep_sections_apart() {
    List<Passage> chunks =
        chunker.chunk(
            List.of(
                new Passage("One.", "A", null),
                new Passage("Two.", "A", null),
                new Passage("Three.", "B", null)));
    assertEquals(
        List.of(new Passage("One.\n\nTwo.", "A", null), new Passage("Three.", "B", null)), chunks);
  }

  @Test
  void should_cut_long_text_at_words_into_overlapping_windows() {
    String text = "word ".repeat(60).strip();
    List<Passage> chunks = chunker.chunk(List.of(new Passage(text, "S", 3)));
    assertTrue(chunks.size() >= 3, chunks.toString());
    for (Passage chunk : chunks) {
      assertTrue(chunk.text().length() <= 100);
      assertTrue(chunk.text().startsWith("word") && chunk.text().endsWith("word"), chunk.text());
      assertEquals("S", chunk.section());
      assertEquals(3, chunk.page());
    }
    int covered = chunks.stream().mapToInt(c -> c.text().length()).sum();
    assertTrue(covered > text.length(), "windows overlap");
  }
}
