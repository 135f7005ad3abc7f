package io.steward.shared.interfaces.graphql;

import io.steward.shared.application.RequestMetadata;
import io.steward.shared.interfaces.web.Failure;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Turns whatever a GraphQL operation throws into an {@link ApiError} with a stable code. */
@TranslatesFailures
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class FailureTranslator {

  @Inject RequestMetadata request;

  @AroundInvoke
  Object translate(InvocationContext invocation) throws Exception {
    try {
      return invocation.proceed();
    } catch (ApiError e) {
      throw e;
    } catch (Exception e) {
      throw new ApiError(Failure.of(e, request.requestId()));
    }
  }
}
