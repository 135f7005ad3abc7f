package io.steward.provider.offline;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the offline model reads a request with the phrasings it knows: it takes a polite start and
 * end off the request, then tries the phrasings in order; the first whose wording matches decides.
 */
final class OfflineGrammar {

  /** Requests longer than this are not parsed, which keeps the regular expressions cheap. */
  private static final int MAX_REQUEST_LENGTH = 2000;

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL;
  private static final Pattern POLITE_START =
      Pattern.compile("^(?:(?:please|kindly|(?:can|could|would|will)\\s+you)[\\s,]+)+", FLAGS);
  private static final Pattern POLITE_END =
      Pattern.compile("(?:[\\s,]+(?:please|thanks|thank\\s+you))?[\\s.!?]*$", FLAGS);

  /** A request understood: the phrasing it matched and the tool arguments read from it. */
  record Interpretation(OfflinePhrasing phrasing, JsonObject arguments) {}

  private OfflineGrammar() {}

  /**
   * The first of the eligible phrasings that a request matches, with the arguments it reads, if the
   * request is understood that way.
   */
  static Optional<Interpretation> interpret(
      String request,
      LocalDate today,
      List<OfflinePhrasing> phrasings,
      Predicate<OfflinePhrasing> eligible) {
    if (request == null || request.length() > MAX_REQUEST_LENGTH) {
      return Optional.empty();
    }
    String words =
        POLITE_END.matcher(POLITE_START.matcher(request.strip()).replaceFirst("")).replaceFirst("");
    for (OfflinePhrasing phrasing : phrasings) {
      if (!eligible.test(phrasing)) {
        continue;
      }
      Matcher wording = phrasing.wording().matcher(words);
      if (wording.matches()) {
        return phrasing
            .reader()
            .read(wording, today)
            .map(arguments -> new Interpretation(phrasing, arguments));
      }
    }
    return Optional.empty();
  }
}
