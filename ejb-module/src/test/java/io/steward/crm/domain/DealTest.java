package io.steward.crm.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.RuleViolationException;
import io.steward.tenancy.domain.WorkspaceId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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
  void should_refuse_absurd_exponents_and_precision_at_once() {
    String[] absurd = {
      "1e1000000000", "1e-1000000000", "99999999999999999.995", "1." + "0".repeat(200_000)
    };
    for (String value : absurd) {
      DealTerms terms = terms(value, "EUR");
      long started = System.nanoTime();
      InvalidInputException e =
          assertThrows(InvalidInputException.class, () -> Deal.open(WorkspaceId.generate(), terms));
      assertEquals("value", e.field());
      assertTrue(System.nanoTime() - started < 1_000_000_000L, "refused fast: " + e);
    }
  }

  @Test
  void should_keep_values_written_with_trailing_zeros_and_exponents() throws Exception {
    assertEquals(
        new BigDecimal("100.00"),
        Deal.open(WorkspaceId.generate(), terms("100.000000", "EUR")).value());
    assertEquals(
        new BigDecimal("120000.00"),
        Deal.open(WorkspaceId.generate(), terms("1.2E5", "EUR")).value());
    assertEquals(
        new BigDecimal("99999999999999999.99"),
        Deal.open(WorkspaceId.generate(), terms("99999999999999999.99", "EUR")).value());
  }

  @Test
  void should_keep_the_expected_close_within_the_calendar_range() throws Exception {
    assertEquals(
        "expectedClose",
        assertThrows(
                InvalidInputException.class,
                () -> Deal.open(WorkspaceId.generate(), terms("1", "EUR", LocalDate.MAX)))
            .field());
    assertEquals(
        LocalDate.of(9999, 12, 31),
        Deal.open(WorkspaceId.generate(), terms("1", "EUR", LocalDate.of(9999, 12, 31)))
            .expectedClose());
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
    return terms(value, currency, null);
  }

  private static DealTerms terms(String value, String currency, LocalDate expectedClose) {
    return new DealTerms("Deal", COMPANY, null, new BigDecimal(value), currency, expectedClose);
  }
}
