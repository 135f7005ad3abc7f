package io.steward.shared.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DatesTest {

  @Test
  void should_keep_dates_from_1900_to_9999() throws Exception {
    for (String date : new String[] {"1900-01-01", "2026-12-01", "9999-12-31"}) {
      assertEquals(LocalDate.parse(date), Dates.inRange("dueDate", LocalDate.parse(date)));
    }
    assertNull(Dates.inRange("dueDate", (LocalDate) null));
  }

  @Test
  void should_refuse_dates_outside_naming_the_field() {
    for (LocalDate date :
        new LocalDate[] {
          LocalDate.of(1899, 12, 31),
          LocalDate.of(10000, 1, 1),
          LocalDate.of(999_999_999, 1, 1),
          LocalDate.MIN,
          LocalDate.of(0, 1, 1)
        }) {
      InvalidInputException e =
          assertThrows(InvalidInputException.class, () -> Dates.inRange("dueDate", date));
      assertEquals("dueDate", e.field());
      assertEquals("dueDate: must be from 1900-01-01 to 9999-12-31", e.getMessage());
    }
  }

  @Test
  void should_keep_moments_in_range_to_the_microsecond() throws Exception {
    assertEquals(
        Instant.parse("2026-11-22T10:00:00.123456Z"),
        Dates.inRange("occurredAt", Instant.parse("2026-11-22T10:00:00.123456789Z")));
    assertEquals(
        Instant.parse("1900-01-01T00:00:00Z"),
        Dates.inRange("occurredAt", Instant.parse("1900-01-01T00:00:00Z")));
    assertEquals(
        Instant.parse("9999-12-31T23:59:59.999999Z"),
        Dates.inRange("occurredAt", Instant.parse("9999-12-31T23:59:59.999999999Z")));
    assertNull(Dates.inRange("occurredAt", (Instant) null));
  }

  @Test
  void should_refuse_moments_outside() {
    for (String moment :
        new String[] {
          "1899-12-31T23:59:59.999Z", "+10000-01-01T00:00:00Z", "+999999999-01-01T00:00:00Z"
        }) {
      assertEquals(
          "occurredAt",
          assertThrows(
                  InvalidInputException.class,
                  () -> Dates.inRange("occurredAt", Instant.parse(moment)))
              .field());
    }
  }
}
