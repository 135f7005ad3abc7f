package io.steward.knowledge.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.steward.shared.domain.InvalidInputException;
import io.steward.tenancy.domain.WorkspaceId;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How a document's tags are normalised and which are refused. */
class KnowledgeDocumentTest {

  private KnowledgeDocument document;

  @BeforeEach
  void receive() throws InvalidInputException {
    document =
        KnowledgeDocument.received(
            new WorkspaceId(UUID.randomUUID()),
            null,
            "prices.txt",
            "text/plain",
            10,
            "0".repeat(64));
  }

  @Test
  void should_trim_lower_case_and_merge_tags() throws InvalidInputException {
    document.tag(List.of(" Pricing ", "EU", "pricing", "Q3 2027", "v1.2_draft-b"));

    assertEquals(Set.of("pricing", "eu", "q3 2027", "v1.2_draft-b"), document.tags());
    assertEquals(List.of("eu", "pricing", "q3 2027", "v1.2_draft-b"), List.copyOf(document.tags()));
  }

  @Test
  void should_replace_the_tags_it_had() throws InvalidInputException {
    document.tag(List.of("old"));
    document.tag(List.of("new"));

    assertEquals(Set.of("new"), document.tags());
  }

  @Test
  void should_refuse_empty_marked_up_too_long_and_too_many_tags_keeping_the_old_ones()
      throws InvalidInputException {
    document.tag(List.of("kept"));
    for (List<String> bad :
        List.of(
            List.of(" "),
            List.of("<b>x</b>"),
            List.of("-leading-dash"),
            List.of("x".repeat(KnowledgeDocument.TAG_MAX_LENGTH + 1)),
            Collections.nCopies(1, (String) null))) {
      InvalidInputException refused =
          assertThrows(InvalidInputException.class, () -> document.tag(bad), bad::toString);
      assertEquals("tags", refused.field());
    }
    List<String> many = new java.util.ArrayList<>();
    for (int i = 0; i <= KnowledgeDocument.MAX_TAGS; i++) {
      many.add("t" + i);
    }
    assertThrows(InvalidInputException.class, () -> document.tag(many));
    assertEquals(Set.of("kept"), document.tags());
  }
}
