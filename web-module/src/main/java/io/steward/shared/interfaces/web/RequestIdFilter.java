package io.steward.shared.interfaces.web;

import io.steward.shared.application.RequestMetadata;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a sane token, a new UUID
 * otherwise. The id is returned in the response header, stored with audit entries and logged with
 * unexpected errors, so a support request can be traced end to end.
 */
public class RequestIdFilter extends HttpFilter {

  public static final String HEADER = "X-Request-Id";
  private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

  @Inject RequestMetadata metadata;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String incoming = request.getHeader(HEADER);
    String requestId =
        incoming != null && ACCEPTED.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    metadata.requestId(requestId);
    request.setAttribute(HEADER, requestId);
    response.setHeader(HEADER, requestId);
    chain.doFilter(request, response);
  }
}
