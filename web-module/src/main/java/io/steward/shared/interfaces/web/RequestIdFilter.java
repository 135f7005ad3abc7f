package io.steward.shared.interfaces.web;

import io.steward.shared.application.RequestMetadata;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a sane token, a new UUID
 * otherwise. The id is returned in the response header, stored with audit entries and written as
 * the {@code requestId} field of the JSON log line each API request leaves, so a support request
 * can be traced end to end.
 */
public class RequestIdFilter extends HttpFilter {

  public static final String HEADER = "X-Request-Id";
  private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{8,64}");
  private static final Logger LOG = Logger.getLogger(RequestIdFilter.class.getName());

  @Inject RequestMetadata metadata;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String incoming = request.getHeader(HEADER);
    String requestId =
        incoming != null && ACCEPTED.matcher(incoming).matches()
            ? incoming
            : UUID.randomUUID().toString();
    metadata.requestId(requestId);
    request.setAttribute(HEADER, requestId);
    response.setHeader(HEADER, requestId);
    long started = System.nanoTime();
    try {
      chain.doFilter(request, response);
    } finally {
      if (!request.getRequestURI().startsWith("/health")) {
        logRequest(request, response, requestId, (System.nanoTime() - started) / 1_000_000);
      }
    }
  }

  /** Payara's JSON log formatter turns a Map parameter into fields of the log line. */
  private static void logRequest(
      HttpServletRequest request, HttpServletResponse response, String requestId, long millis) {
    LogRecord line =
        new LogRecord(
            Level.INFO,
            request.getMethod() + " " + request.getRequestURI() + " " + response.getStatus());
    line.setLoggerName(LOG.getName());
    line.setParameters(
        new Object[] {
          Map.of(
              "requestId", requestId,
              "httpMethod", request.getMethod(),
              "path", request.getRequestURI(),
              "status", response.getStatus(),
              "durationMs", millis)
        });
    LOG.log(line);
  }
}
