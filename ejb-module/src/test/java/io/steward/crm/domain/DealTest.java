package io.steward.crm.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.RuleViolationException;
import io.steward.workspace.domain.WorkspaceId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DealTest {

  private static final UUID COMPANY = UUID.randomUUID();

  @Test
  void should_open_at_the_lead_stage_with_a_normalised_value_and_currency() throws Exception {
    Deal deal = Deal.open(WorkspaceId.generate(), terms("12.5", " eur "));
    assertEquals(DealStage.LEAD, deal.stage());
    assertEquals(new BigDecimal("12.50"), deal.value());
    assertEquals("EUR", deal.currency());
  }

  @Test
  void should_name_the_field_of_a_bad_value_or_currency() {
    for (String[] bad :
        new String[][] {{"-1", "EUR"}, {"1.005", "EUR"}, {"1", "EURO"}, {"1", "XYZ"}}) {
      InvalidInputException e =
          assertThrows(
              InvalidInputException.class,
              () -> Deal.open(WorkspaceId.generate(), terms(bad[0], bad[1])));
      assertEquals(bad[1].equals("EUR") ? "value" : "currency", e.field());
    }
  }

  @Test
  void should_close_when_won_and_change_no_more() throws Exception {
    Deal deal = Deal.open(WorkspaceId.generate(), terms("100", "EUR"));
    Instant now = Instant.parse("2026-11-22T10:00:00Z");
    deal.moveTo(DealStage.NEGOTIATION, now);
    assertNull(deal.closedAt());
    deal.moveTo(DealStage.WON, now);
    assertNotNull(deal.closedAt());
    assertThrows(RuleViolationException.class, () -> deal.moveTo(DealStage.LOST, now));
    assertThrows(RuleViolationException.class, () -> deal.revise(terms("1", "EUR")));
  }

  private static DealTerms terms(String value, String currency) {
    return new DealTerms("Deal", COMPANY, null, new BigDecimal(value), currency, null);
  }
}
