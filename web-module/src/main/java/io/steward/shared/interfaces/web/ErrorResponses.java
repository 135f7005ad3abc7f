package io.steward.shared.interfaces.web;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Writes an error that happens outside any resource: GraphQL clients get a GraphQL error document,
 * everyone else an {@code application/problem+json} document, both with Steward's stable code.
 */
public final class ErrorResponses {

  private ErrorResponses() {}

  public static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String code,
      String message)
      throws IOException {
    write(
        response,
        request.getRequestURI(),
        (String) request.getAttribute(RequestIdFilter.HEADER),
        status,
        code,
        message);
  }

  public static void write(
      HttpServletResponse response,
      String requestUri,
      String requestId,
      int status,
      String code,
      String message)
      throws IOException {
    response.setStatus(status);
    response.setCharacterEncoding("UTF-8");
    String body;
    if (requestUri != null
        && (requestUri.equals("/graphql") || requestUri.startsWith("/graphql/"))) {
      response.setContentType("application/json");
      body =
          Json.createObjectBuilder()
              .add(
                  "errors",
                  Json.createArrayBuilder()
                      .add(
                          Json.createObjectBuilder()
                              .add("message", message)
                              .add("extensions", Json.createObjectBuilder().add("code", code))))
              .build()
              .toString();
    } else {
      response.setContentType("application/problem+json");
      body = Problems.problem(status, code, message, requestId).toString();
    }
    response.getWriter().write(body);
  }
}
