package io.steward.shared.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The range every date and time Steward takes in must lie in: the years 1900 through 9999 (UTC for
 * times), which both databases store exactly and every client can write. Times keep microseconds,
 * as the database does.
 */
public final class Dates {

  public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
  public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

  private static final Instant FIRST_MOMENT = EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant();
  private static final Instant END = LATEST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  private static final String RANGE = "must be from " + EARLIEST + " to " + LATEST;

  private Dates() {}

  /** The date, if in range; null stays null. */
  public static LocalDate inRange(String field, LocalDate date) throws InvalidInputException {
    if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
      throw new InvalidInputException(field, RANGE);
    }
    return date;
  }

  /** The moment to microseconds, if in range (in UTC); null stays null. */
  public static Instant inRange(String field, Instant moment) throws InvalidInputException {
    if (moment != null && (moment.isBefore(FIRST_MOMENT) || !moment.isBefore(END))) {
      throw new InvalidInputException(field, RANGE + " (UTC)");
    }
    return moment == null ? null : moment.truncatedTo(ChronoUnit.MICROS);
  }
}
