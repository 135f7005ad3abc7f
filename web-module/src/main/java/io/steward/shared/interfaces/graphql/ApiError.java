package io.steward.shared.interfaces.graphql;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import io.steward.shared.interfaces.web.Failure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure on its way to a GraphQL client: its message is shown (it is a checked exception), and
 * its extensions carry the stable {@code code} and, for validation failures, the {@code field}.
 */
public class ApiError extends Exception implements GraphQLError {

  private final transient Failure failure;

  public ApiError(Failure failure) {
    super(failure.message(), null, false, false);
    this.failure = failure;
  }

  @Override
  public List<SourceLocation> getLocations() {
    return null;
  }

  @Override
  public ErrorClassification getErrorType() {
    return ErrorType.DataFetchingException;
  }

  @Override
  public Map<String, Object> getExtensions() {
    Map<String, Object> extensions = new LinkedHashMap<>();
    extensions.put("code", failure.code());
    if (failure.field() != null) {
      extensions.put("field", failure.field());
    }
    return extensions;
  }
}
