package io.steward.shared.interfaces.graphql.limits;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Keeps every GraphQL request within {@link GraphQLLimits}. A request is measured before GraphQL
 * validates it, since validation itself grows with the expanded size of a document — or, when the
 * validated document comes from the query cache, before it runs, since its variables change the
 * figures. Once a request has run out of time, the fields it has not resolved yet are left null.
 */
final class LimitsInstrumentation extends SimplePerformantInstrumentation {

  private final GraphQLLimits limits;

  LimitsInstrumentation(GraphQLLimits limits) {
    this.limits = limits;
  }

  @Override
  public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
    return new RequestState(System.nanoTime() + limits.executionTimeout().toNanos());
  }

  @Override
  public InstrumentationContext<List<ValidationError>> beginValidation(
      InstrumentationValidationParameters parameters, InstrumentationState state) {
    inspect(
        parameters.getSchema(),
        parameters.getDocument(),
        parameters.getExecutionInput().getVariables(),
        (RequestState) state);
    return SimpleInstrumentationContext.noOp();
  }

  @Override
  public InstrumentationContext<ExecutionResult> beginExecuteOperation(
      InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
    RequestState request = (RequestState) state;
    if (!request.inspected) {
      ExecutionContext context = parameters.getExecutionContext();
      inspect(
          context.getGraphQLSchema(),
          context.getDocument(),
          context.getExecutionInput().getVariables(),
          request);
    }
    return SimpleInstrumentationContext.noOp();
  }

  private void inspect(
      GraphQLSchema schema, Document document, Map<String, Object> variables, RequestState state) {
    limits.enforce(QueryInspector.inspect(schema, document, variables, limits));
    state.inspected = true;
  }

  @Override
  public DataFetcher<?> instrumentDataFetcher(
      DataFetcher<?> fetcher,
      InstrumentationFieldFetchParameters parameters,
      InstrumentationState state) {
    RequestState request = (RequestState) state;
    return environment -> request.outOfTime() ? null : fetcher.get(environment);
  }

  @Override
  public CompletableFuture<ExecutionResult> instrumentExecutionResult(
      ExecutionResult result,
      InstrumentationExecutionParameters parameters,
      InstrumentationState state) {
    if (!(state instanceof RequestState request) || !request.timedOut) {
      return CompletableFuture.completedFuture(result);
    }
    // Fields left unresolved make their non-null parents null; those errors only repeat this one.
    List<GraphQLError> errors = new ArrayList<>();
    errors.add(Refusal.outOfTime(limits.executionTimeout().toMillis()));
    for (GraphQLError error : result.getErrors()) {
      if (error.getErrorType() != ErrorType.NullValueInNonNullableField) {
        errors.add(error);
      }
    }
    return CompletableFuture.completedFuture(result.transform(r -> r.errors(errors)));
  }

  /** What one request has been through. */
  private static final class RequestState implements InstrumentationState {

    private final long deadline;
    private volatile boolean inspected;
    private volatile boolean timedOut;

    RequestState(long deadline) {
      this.deadline = deadline;
    }

    boolean outOfTime() {
      if (!timedOut && System.nanoTime() - deadline > 0) {
        timedOut = true;
      }
      return timedOut;
    }
  }
}
