package io.steward.shared.interfaces.rest;

import io.steward.shared.application.RequestMetadata;
import io.steward.shared.interfaces.web.Failure;
import io.steward.shared.interfaces.web.Problems;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Every failure of the REST API as {@code application/problem+json} with Steward's stable code:
 * HTTP errors raised by JAX-RS itself (unknown path, wrong method or media type) keep their status.
 */
@Provider
public class FailureMapper implements ExceptionMapper<Throwable> {

  @Inject RequestMetadata request;

  @Override
  public Response toResponse(Throwable thrown) {
    if (thrown instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      int status = web.getResponse().getStatus();
      return problem(
          new Failure(
              Failure.codeOfStatus(status),
              web.getResponse().getStatusInfo().getReasonPhrase(),
              null,
              status));
    }
    return problem(Failure.of(thrown, request.requestId()));
  }

  private Response problem(Failure failure) {
    return Response.status(failure.httpStatus())
        .type("application/problem+json")
        .entity(Problems.problem(failure, request.requestId()).toString())
        .build();
  }
}
