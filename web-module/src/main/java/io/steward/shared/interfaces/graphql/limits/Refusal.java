package io.steward.shared.interfaces.graphql.limits;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.language.SourceLocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request refused by a limit or for a value it cannot take, as the client sees it: a message,
 * Steward's stable {@code code}, the {@code limit} it exceeded (a configuration key below {@code
 * steward.graphql.}) and the argument it is about, if any.
 */
final class Refusal implements GraphQLError {

  private final String message;
  private final String code;
  private final String limit;
  private final String field;

  private Refusal(String message, String code, String limit, String field) {
    this.message = message;
    this.code = code;
    this.limit = limit;
    this.field = field;
  }

  /** The request exceeds a limit: {@code actual} where at most {@code max} is allowed. */
  static AbortExecutionException exceeded(String limit, String what, long actual, long max) {
    return abort(
        new Refusal(
            what
                + ": "
                + (actual >= QueryCost.SATURATED ? "far more than" : actual)
                + ", at most "
                + max
                + " allowed",
            "VALIDATION",
            limit,
            null));
  }

  /** An argument has more list items than allowed. */
  static AbortExecutionException tooManyItems(String field, int actual, int max) {
    return abort(
        new Refusal(
            field + " has " + actual + " items, at most " + max + " allowed",
            "VALIDATION",
            "max-list-items",
            field));
  }

  /** An argument's value is not one its type takes. */
  static AbortExecutionException invalid(String field, String problem) {
    return abort(new Refusal(field + " " + problem, "VALIDATION", null, field));
  }

  /** The request ran out of its execution time; what was resolved until then is kept. */
  static Refusal outOfTime(long millis) {
    return new Refusal(
        "The request ran longer than " + millis + " ms; the rest of it was not resolved",
        "QUOTA_EXCEEDED",
        "execution-timeout-millis",
        null);
  }

  private static AbortExecutionException abort(Refusal refusal) {
    return new AbortExecutionException(List.of(refusal));
  }

  @Override
  public String getMessage() {
    return message;
  }

  @Override
  public List<SourceLocation> getLocations() {
    return null;
  }

  @Override
  public ErrorClassification getErrorType() {
    return ErrorType.ExecutionAborted;
  }

  @Override
  public Map<String, Object> getExtensions() {
    Map<String, Object> extensions = new LinkedHashMap<>();
    extensions.put("code", code);
    if (limit != null) {
      extensions.put("limit", GraphQLLimits.PREFIX + limit);
    }
    if (field != null) {
      extensions.put("field", field);
    }
    return extensions;
  }
}
