package io.steward.approval.domain;

import io.steward.shared.domain.InvalidInputException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an action policy rule matches and decides. Empty lists match anything; {@code fields}
 * matches updates that change any of them, {@code newValues} those that set one of them to any of
 * these values; {@code amountAtLeast} matches records whose value in {@code currency} is at least
 * that much; {@code confidenceBelow} matches calls whose stated confidence is below it (a call that
 * states none counts as not confident). {@code expiresAfterMinutes} (null: the workspace default)
 * applies to the approval requests the rule makes.
 */
public record RuleSpec(
    String name,
    int priority,
    List<String> agents,
    List<String> tools,
    List<ActionOperation> operations,
    List<String> recordTypes,
    List<String> fields,
    List<String> newValues,
    BigDecimal amountAtLeast,
    String currency,
    Double confidenceBelow,
    List<RequesterKind> requesters,
    PolicyDecision decision,
    Deciders deciders,
    Integer expiresAfterMinutes) {

  public static final int MAX_PRIORITY = 999;
  public static final int MAX_LIST = 50;
  public static final int MAX_EXPIRY_MINUTES = 60 * 24 * 90;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  public RuleSpec {
    agents = copy(agents);
    tools = copy(tools);
    operations = copy(operations);
    recordTypes = copy(recordTypes);
    fields = copy(fields);
    newValues = copy(newValues).stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    requesters = copy(requesters);
    currency = currency == null ? null : currency.toUpperCase(Locale.ROOT);
    deciders = deciders == null ? Deciders.WRITERS : deciders;
  }

  /** Refuses a rule that could not be stored or would never mean what it seems to. */
  public void validate() throws InvalidInputException {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new InvalidInputException("name", "is required, at most 200 characters");
    }
    if (priority < 0 || priority > MAX_PRIORITY) {
      throw new InvalidInputException("priority", "must be between 0 and " + MAX_PRIORITY);
    }
    if (decision == null) {
      throw new InvalidInputException("decision", "is required");
    }
    names("agents", agents);
    names("tools", tools);
    names("recordTypes", recordTypes);
    names("fields", fields);
    names("newValues", newValues);
    size("operations", operations);
    size("requesters", requesters);
    if (!newValues.isEmpty() && fields.isEmpty()) {
      throw new InvalidInputException("newValues", "needs the fields they are values of");
    }
    if ((amountAtLeast == null) != (currency == null)) {
      throw new InvalidInputException("currency", "an amount needs its currency, and only then");
    }
    if (amountAtLeast != null && amountAtLeast.signum() < 0) {
      throw new InvalidInputException("amountAtLeast", "must not be negative");
    }
    if (currency != null && !CURRENCY.matcher(currency).matches()) {
      throw new InvalidInputException("currency", "must be a three-letter ISO 4217 code");
    }
    if (confidenceBelow != null && !(confidenceBelow > 0 && confidenceBelow <= 1)) {
      throw new InvalidInputException("confidenceBelow", "must be above 0 and at most 1");
    }
    if (expiresAfterMinutes != null
        && (expiresAfterMinutes < 1 || expiresAfterMinutes > MAX_EXPIRY_MINUTES)) {
      throw new InvalidInputException(
          "expiresAfterMinutes", "must be between 1 and " + MAX_EXPIRY_MINUTES);
    }
  }

  private static void names(String field, List<String> names) throws InvalidInputException {
    size(field, names);
    for (String name : names) {
      if (!NAME.matcher(name).matches()) {
        throw new InvalidInputException(
            field, "must hold names of letters, digits, '_', '.' or '-' (at most 64)");
      }
    }
  }

  private static void size(String field, List<?> list) throws InvalidInputException {
    if (list.size() > MAX_LIST) {
      throw new InvalidInputException(field, "must hold at most " + MAX_LIST + " entries");
    }
  }

  /** Null entries mean nothing and are dropped, as the schema's enum lists drop them. */
  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
  }
}
