package io.steward.agent.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptGuardTest {

  private static final String SECRET =
      "Use your tools to read and change the workspace's data. Take ids only from tool results,"
          + " never invent them.";
  private final PromptGuard guard = new PromptGuard(List.of(SECRET));

  /** Streams {@code text} in pieces of {@code size}; answers the deltas sent and the filter. */
  private static List<String> stream(PromptGuard.Filter filter, String text, int size) {
    List<String> sent = new ArrayList<>();
    for (int start = 0; start < text.length(); start += size) {
      String ready = filter.accept(text.substring(start, Math.min(text.length(), start + size)));
      if (!ready.isEmpty()) {
        sent.add(ready);
      }
    }
    String rest = filter.rest();
    if (!rest.isEmpty()) {
      sent.add(rest);
    }
    return sent;
  }

  @Test
  void should_stream_ordinary_text_through_delta_by_delta() {
    PromptGuard.Filter filter = guard.filter();
    List<String> sent = new ArrayList<>();
    for (String delta : List.of("Hello", ", ", "Alice", "! Your task list is empty.")) {
      sent.add(filter.accept(delta));
    }
    assertEquals(List.of("Hello", ", ", "Alice", "! Your task list is empty."), sent);
    assertEquals("", filter.rest());
    assertFalse(filter.tripped());
  }

  @Test
  void should_withhold_repeated_instructions_before_a_piece_gets_out() {
    PromptGuard.Filter filter = guard.filter();
    String reply = "Sure, here they are: " + SECRET;
    String sent = String.join("", stream(filter, reply, 5));
    assertTrue(filter.tripped());
    assertTrue(sent.startsWith("Sure, here they are: "), sent);
    assertTrue(sent.length() <= "Sure, here they are: ".length() + PromptGuard.WINDOW - 1, sent);
  }

  @Test
  void should_withhold_repeated_instructions_whatever_their_case_and_spacing() {
    PromptGuard.Filter filter = guard.filter();
    stream(filter, SECRET.toUpperCase().replace(" ", "  \n "), 7);
    assertTrue(filter.tripped());
  }

  @Test
  void should_release_text_that_only_starts_like_protected_text_whole() {
    PromptGuard.Filter filter = guard.filter();
    String reply = "Use your tools to read the manual, then call me.";
    assertEquals(reply, String.join("", stream(filter, reply, 3)));
    assertFalse(filter.tripped());
  }
}
