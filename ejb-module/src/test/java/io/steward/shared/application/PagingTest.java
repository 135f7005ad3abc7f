package io.steward.shared.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.steward.shared.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

class PagingTest {

  @Test
  void should_resume_right_after_the_cursor() throws Exception {
    assertEquals(new Paging.PageRequest(0, 20), Paging.request(20, null));
    assertEquals(new Paging.PageRequest(5, 10), Paging.request(10, Paging.cursor(4)));
  }

  @Test
  void should_refuse_foreign_cursors_and_page_sizes_out_of_range() {
    for (String cursor : new String[] {"", "abc", "YXVkaXQ6MQ", "YXQ6LTE"}) {
      assertEquals(
          "after",
          assertThrows(InvalidInputException.class, () -> Paging.request(10, cursor)).field());
    }
    assertThrows(InvalidInputException.class, () -> Paging.request(0, null));
    assertThrows(InvalidInputException.class, () -> Paging.request(101, null));
  }
}
