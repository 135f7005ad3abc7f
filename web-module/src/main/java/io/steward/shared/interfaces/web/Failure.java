package io.steward.shared.interfaces.web;

import io.steward.shared.domain.StewardException;
import jakarta.ejb.EJBAccessException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * A failure as a client sees it: a stable code, a message meant for the client, the input field it
 * is about (if any) and the HTTP status. GraphQL and REST both translate exceptions through here,
 * so the same failure reads the same on both. Unexpected exceptions are logged with the request id
 * and reach the client only as a generic internal error, never with their own message or stack
 * trace.
 */
public record Failure(String code, String message, String field, int httpStatus) {

  private static final Logger LOG = Logger.getLogger(Failure.class.getName());

  public static Failure of(Throwable thrown, String requestId) {
    StewardException expected = causeOfType(thrown, StewardException.class);
    if (expected != null) {
      String code = expected.kind().name();
      return new Failure(code, expected.getMessage(), expected.field(), statusOf(code));
    }
    if (causeOfType(thrown, EJBAccessException.class) != null) {
      return new Failure("FORBIDDEN", "Not allowed", null, 403);
    }
    LogRecord line = new LogRecord(Level.SEVERE, "Unexpected failure in request " + requestId);
    line.setLoggerName(LOG.getName());
    line.setThrown(thrown);
    line.setParameters(new Object[] {Map.of("requestId", String.valueOf(requestId))});
    LOG.log(line);
    return new Failure("INTERNAL", "Internal error (request id " + requestId + ")", null, 500);
  }

  /** The code of a failure known only by its HTTP status (raised by the container or JAX-RS). */
  public static String codeOfStatus(int status) {
    return switch (status) {
      case 401 -> "UNAUTHENTICATED";
      case 403 -> "FORBIDDEN";
      case 404 -> "NOT_FOUND";
      case 409 -> "CONFLICT";
      case 413 -> "QUOTA_EXCEEDED";
      case 429 -> "RATE_LIMITED";
      default -> status >= 500 ? "INTERNAL" : "VALIDATION";
    };
  }

  private static int statusOf(String code) {
    return switch (code) {
      case "NOT_FOUND" -> 404;
      case "FORBIDDEN" -> 403;
      case "VALIDATION" -> 400;
      case "CONFLICT" -> 409;
      case "QUOTA_EXCEEDED" -> 413;
      case "RATE_LIMITED" -> 429;
      default -> 500;
    };
  }

  private static <T extends Throwable> T causeOfType(Throwable thrown, Class<T> type) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
