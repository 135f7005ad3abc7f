package io.steward.agent.spi;

import io.steward.shared.application.Paging;
import io.steward.shared.application.Paging.PageRequest;
import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRecord;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Resolves a tool argument that refers to a record the way people (and models) do: by id or by
 * name. An id is taken as it is (the service checks it); a name picks the record called exactly
 * that, ignoring case, or else the only one whose name contains it. No match or several is a
 * validation failure naming the argument and a few candidates, so the model can retry or ask.
 * Subclasses say where the candidates come from, usually a service's search.
 */
public abstract class RecordReference<T extends WorkspaceRecord> {

  /** The candidates a name search looks at. */
  protected static final PageRequest CANDIDATES = new PageRequest(0, Paging.MAX_PAGE_SIZE);

  private static final int LISTED_CANDIDATES = 5;
  private static final Pattern ID =
      Pattern.compile(
          "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

  private final String recordType;

  protected RecordReference(Class<T> type) {
    this.recordType = WorkspaceRecord.typeName(type);
  }

  /** The records whose names may contain this text; others among them are ignored. */
  protected abstract List<T> candidates(WorkspaceId workspace, String text) throws StewardException;

  /** The record an optional argument refers to; null when the argument is absent. */
  public UUID id(ToolArguments arguments, String parameter) throws StewardException {
    return id(arguments.workspace(), parameter, arguments.text(parameter));
  }

  /** The record a required argument refers to. */
  public UUID requiredId(ToolArguments arguments, String parameter) throws StewardException {
    return id(arguments.workspace(), parameter, arguments.requiredText(parameter));
  }

  /** The id a reference gives or the id of the one record it names; null for a blank reference. */
  public UUID id(WorkspaceId workspace, String parameter, String reference)
      throws StewardException {
    if (reference == null || reference.isBlank()) {
      return null;
    }
    String name = reference.strip();
    if (ID.matcher(name).matches()) {
      return UUID.fromString(name);
    }
    List<T> candidates = candidates(workspace, name);
    List<T> exact = candidates.stream().filter(c -> c.label().equalsIgnoreCase(name)).toList();
    List<T> matches = exact.isEmpty() ? containing(candidates, name) : exact;
    if (matches.isEmpty()) {
      throw new InvalidInputException(parameter, "no " + recordType + " is named \"" + name + "\"");
    }
    if (matches.size() > 1) {
      throw new InvalidInputException(
          parameter,
          "\""
              + name
              + "\" could be any of these, give the full name or the id: "
              + listing(matches));
    }
    return matches.get(0).id();
  }

  private static <T extends WorkspaceRecord> List<T> containing(List<T> candidates, String name) {
    String part = name.toLowerCase(Locale.ROOT);
    return candidates.stream()
        .filter(c -> c.label().toLowerCase(Locale.ROOT).contains(part))
        .toList();
  }

  private static String listing(List<? extends WorkspaceRecord> matches) {
    String listed =
        matches.stream()
            .limit(LISTED_CANDIDATES)
            .map(match -> match.label() + " (" + match.id() + ")")
            .collect(Collectors.joining(", "));
    int more = matches.size() - LISTED_CANDIDATES;
    return more > 0 ? listed + " and " + more + " more" : listed;
  }
}
