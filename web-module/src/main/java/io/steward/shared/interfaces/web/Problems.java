package io.steward.shared.interfaces.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** RFC 9457 problem documents with Steward's stable error code. */
public final class Problems {

  private Problems() {}

  /** The problem document of a failure; {@code field} names the input it is about, if any. */
  public static JsonObject problem(Failure failure, String requestId) {
    JsonObject problem =
        problem(failure.httpStatus(), failure.code(), failure.message(), requestId);
    return failure.field() == null
        ? problem
        : Json.createObjectBuilder(problem).add("field", failure.field()).build();
  }

  public static JsonObject problem(int status, String code, String detail, String requestId) {
    JsonObjectBuilder problem =
        Json.createObjectBuilder()
            .add("type", "about:blank")
            .add("title", title(status))
            .add("status", status)
            .add("code", code)
            .add("detail", detail);
    if (requestId != null) {
      problem.add("requestId", requestId);
    }
    return problem.build();
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 409 -> "Conflict";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      case 429 -> "Too Many Requests";
      default -> status >= 500 ? "Internal Server Error" : "Error";
    };
  }
}
