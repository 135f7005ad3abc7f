package io.steward.knowledge.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** Tests that a download's {@code Content-Disposition} stays one safe header for any file name. */
class ContentDispositionTest {

  @Test
  void should_name_a_plain_file_in_both_forms() {
    assertEquals(
        "attachment; filename=\"price-list 2027.pdf\"; filename*=UTF-8''price-list%202027.pdf",
        ContentDisposition.attachment("price-list 2027.pdf"));
  }

  @Test
  void should_drop_control_characters_so_the_header_cannot_be_split() {
    String header = ContentDisposition.attachment("report\r\nSet-Cookie: a=b\t.txt");

    assertEquals(
        "attachment; filename=\"reportSet-Cookie: a=b.txt\";"
            + " filename*=UTF-8''reportSet-Cookie%3A%20a%3Db.txt",
        header);
    assertFalse(header.chars().anyMatch(Character::isISOControl), header);
  }

  @Test
  void should_keep_quotes_and_backslashes_out_of_the_quoted_name() {
    assertEquals(
        "attachment; filename=\"a_b_c.txt\"; filename*=UTF-8''a%22b%5Cc.txt",
        ContentDisposition.attachment("a\"b\\c.txt"));
  }

  @Test
  void should_encode_names_beyond_ascii_in_utf8_with_an_ascii_stand_in() {
    assertEquals(
        "attachment; filename=\"Gr__e _.txt\"; filename*=UTF-8''Gr%C3%BC%C3%9Fe%20%F0%9F%93%84.txt",
        ContentDisposition.attachment("Grüße 📄.txt"));
  }

  @Test
  void should_name_a_file_without_a_usable_name_download() {
    assertEquals(
        "attachment; filename=\"download\"; filename*=UTF-8''download",
        ContentDisposition.attachment("\r\n"));
  }
}
