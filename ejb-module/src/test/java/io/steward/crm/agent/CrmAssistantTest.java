package io.steward.crm.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.steward.crm.agent.CrmAssistant.SearchKind;
import io.steward.shared.domain.InvalidInputException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrmAssistantTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void should_read_interaction_times_in_the_workspace_zone_unless_they_have_an_offset()
      throws Exception {
    assertEquals(
        Instant.parse("2026-11-20T13:30:00Z"), CrmAssistant.moment("2026-11-20T14:30", BERLIN));
    assertEquals(
        Instant.parse("2026-11-20T14:30:00Z"), CrmAssistant.moment("2026-11-20T14:30:00Z", BERLIN));
    assertEquals(
        Instant.parse("2026-11-20T12:30:00Z"),
        CrmAssistant.moment(" 2026-11-20T14:30+02:00 ", BERLIN));
    assertEquals(Instant.parse("2026-11-19T23:00:00Z"), CrmAssistant.moment("2026-11-20", BERLIN));
  }

  @Test
  void should_refuse_times_that_are_not_iso() {
    for (String text : new String[] {"yesterday", "20.11.2026", "2026-11-20 14:30"}) {
      assertEquals(
          "occurredAt",
          assertThrows(InvalidInputException.class, () -> CrmAssistant.moment(text, BERLIN))
              .field());
    }
  }

  @Test
  void should_search_all_kinds_unless_some_are_named() throws Exception {
    assertEquals(EnumSet.allOf(SearchKind.class), CrmAssistant.searchKinds(null));
    assertEquals(EnumSet.allOf(SearchKind.class), CrmAssistant.searchKinds(List.of()));
    assertEquals(
        EnumSet.of(SearchKind.CONTACT, SearchKind.DEAL),
        CrmAssistant.searchKinds(List.of("Deal", " contact ")));
    assertEquals(
        "kinds",
        assertThrows(InvalidInputException.class, () -> CrmAssistant.searchKinds(List.of("person")))
            .field());
  }
}
