package io.steward.shared.interfaces.web;

import io.steward.shared.domain.QuotaExceededException;
import java.io.IOException;

/**
 * Raised while a request body is read, at the first byte over the limit. It carries the client's
 * failure as its cause, so whichever layer reads the body answers 413 {@code QUOTA_EXCEEDED}.
 */
public class RequestBodyTooLargeException extends IOException {

  RequestBodyTooLargeException(long limit) {
    super(message(limit), new QuotaExceededException("body", message(limit)));
  }

  static String message(long limit) {
    return "The request body is larger than the limit of " + limit + " bytes";
  }

  /** Whether reading failed because the body was too large, however the reader wrapped it. */
  public static boolean causedIt(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof RequestBodyTooLargeException) {
        return true;
      }
    }
    return false;
  }
}
