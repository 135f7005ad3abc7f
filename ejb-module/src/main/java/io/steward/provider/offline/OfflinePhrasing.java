package io.steward.provider.offline;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kind of request the offline model understands: a wording (a regular expression over the whole
 * request, matched ignoring case), the tools that serve it and how the wording's parts become the
 * tool's arguments. Capabilities declare the phrasings of their tools in an {@link
 * OfflinePhrasebook}.
 *
 * @param wording the request's words, after a polite start and end are taken off
 * @param tools the tools that serve it, preferred first
 * @param purpose what it does, completing "this agent can't …"
 * @param example a request it understands, shown to people as a suggestion
 * @param reader reads the tool's arguments from the matched wording
 */
public record OfflinePhrasing(
    Pattern wording, List<String> tools, String purpose, String example, Reader reader) {

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL;

  /** How a phrasing whose wording matched reads its tool's arguments; empty if they don't fit. */
  @FunctionalInterface
  public interface Reader {
    Optional<JsonObject> read(Matcher wording, LocalDate today);
  }

  public OfflinePhrasing {
    tools = List.copyOf(tools);
  }

  /** A phrasing of a request one tool serves. */
  public static OfflinePhrasing of(
      String tool, String purpose, String example, String wording, Reader reader) {
    return of(List.of(tool), purpose, example, wording, reader);
  }

  /** A phrasing of a request any of these tools serves, the first offered of them preferred. */
  public static OfflinePhrasing of(
      List<String> tools, String purpose, String example, String wording, Reader reader) {
    return new OfflinePhrasing(Pattern.compile(wording, FLAGS), tools, purpose, example, reader);
  }

  /** The first of this phrasing's tools that is offered, if any. */
  public Optional<String> toolAmong(Set<String> offered) {
    return tools.stream().filter(offered::contains).findFirst();
  }
}
