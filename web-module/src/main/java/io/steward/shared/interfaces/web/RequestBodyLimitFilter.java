package io.steward.shared.interfaces.web;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds the body of every API request before it is read: a {@code Content-Length} over the limit
 * is answered 413 at once, without reading; any other body is counted as it is read and refused at
 * the first byte over the limit (chunked bodies included). GraphQL bodies are read here, within the
 * limit, for the servlet and for the rate limits to see. Limits: {@code
 * steward.http.max-body-bytes} for GraphQL and JSON, {@code steward.http.max-run-body-bytes} for
 * starting runs (conversations can be long), and what a {@link LargerBody} allows for its requests
 * (uploads).
 */
public class RequestBodyLimitFilter extends HttpFilter {

  @Inject
  @ConfigProperty(name = "steward.http.max-body-bytes")
  long maxBodyBytes;

  @Inject
  @ConfigProperty(name = "steward.http.max-run-body-bytes")
  long maxRunBodyBytes;

  @Inject Instance<LargerBody> largerBodies;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    long limit = limitFor(request);
    if (request.getContentLengthLong() > limit) {
      refuse(request, response, limit);
      return;
    }
    BodyLimitedRequest limited = new BodyLimitedRequest(request, limit);
    if (!(ApiRequests.isGraphQL(request) && ApiRequests.isPost(request))) {
      chain.doFilter(limited, response);
      return;
    }
    byte[] body;
    try {
      body = limited.getInputStream().readAllBytes();
    } catch (RequestBodyTooLargeException e) {
      refuse(request, response, limit);
      return;
    }
    chain.doFilter(new BufferedBodyRequest(request, body), response);
  }

  private long limitFor(HttpServletRequest request) {
    if (ApiRequests.startsRun(request)) {
      return maxRunBodyBytes;
    }
    for (LargerBody larger : largerBodies) {
      OptionalLong limit = larger.limitFor(request);
      if (limit.isPresent()) {
        return limit.getAsLong();
      }
    }
    return maxBodyBytes;
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, long limit)
      throws IOException {
    // The rest of the body stays unread, so this connection cannot carry another request.
    response.setHeader("Connection", "close");
    ErrorResponses.write(
        request, response, 413, "QUOTA_EXCEEDED", RequestBodyTooLargeException.message(limit));
  }
}
