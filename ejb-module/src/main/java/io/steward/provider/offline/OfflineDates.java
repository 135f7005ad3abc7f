package io.steward.provider.offline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date words of the offline grammar and what they mean relative to today: {@code today}, {@code
 * tomorrow}, {@code in N days}, an ISO date, or a weekday ({@code monday}, {@code next monday}: the
 * next such day after today), each optionally after {@code on}, {@code by}, {@code due} or {@code
 * due on}. Phrasings use them for the dates in requests.
 */
public final class OfflineDates {

  /** A date phrase, for use inside the grammar's regular expressions (no capturing groups). */
  public static final String PHRASE =
      "(?:(?:due|by)\\s+)?(?:on\\s+)?(?:today|tomorrow|in\\s+\\d{1,3}\\s+days?|\\d{4}-\\d{2}-\\d{2}"
          + "|(?:next\\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))";

  private static final Pattern PREPOSITION = Pattern.compile("^(?:(?:due|by)\\s+)?(?:on\\s+)?");
  private static final Pattern IN_DAYS = Pattern.compile("in\\s+(\\d+)\\s+days?");
  private static final Pattern TRAILING =
      Pattern.compile(
          "(?<rest>.+?)\\s+(?<date>" + PHRASE + ")", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  /** Text with a date phrase taken off its end, and that date (null when there was none). */
  public record Split(String rest, LocalDate date) {}

  private OfflineDates() {}

  /** The date a phrase matching {@link #PHRASE} names; empty for a non-existent ISO date. */
  public static Optional<LocalDate> resolve(String phrase, LocalDate today) {
    String words =
        PREPOSITION
            .matcher(phrase.strip().toLowerCase(Locale.ROOT))
            .replaceFirst("")
            .replaceFirst("^next\\s+", "");
    Matcher inDays = IN_DAYS.matcher(words);
    if (inDays.matches()) {
      return Optional.of(today.plusDays(Long.parseLong(inDays.group(1))));
    }
    if (words.equals("today")) {
      return Optional.of(today);
    }
    if (words.equals("tomorrow")) {
      return Optional.of(today.plusDays(1));
    }
    if (Character.isDigit(words.charAt(0))) {
      try {
        return Optional.of(LocalDate.parse(words));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    DayOfWeek day = DayOfWeek.valueOf(words.toUpperCase(Locale.ROOT));
    return Optional.of(today.with(TemporalAdjusters.next(day)));
  }

  /** Takes a date phrase off the end of text, when it ends with one that names a real date. */
  public static Split splitTrailing(String text, LocalDate today) {
    Matcher trailing = TRAILING.matcher(text);
    if (trailing.matches()) {
      Optional<LocalDate> date = resolve(trailing.group("date"), today);
      if (date.isPresent()) {
        return new Split(trailing.group("rest"), date.get());
      }
    }
    return new Split(text, null);
  }
}
