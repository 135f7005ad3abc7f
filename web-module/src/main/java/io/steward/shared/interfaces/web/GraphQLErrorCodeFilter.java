package io.steward.shared.interfaces.web;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Gives every GraphQL error a {@code code}. Errors from resolvers carry theirs already; errors that
 * GraphQL raises about the request itself, before any resolver runs (unparsable documents, unknown
 * fields, wrong argument types: validation classifications, or no {@code path}), get {@code
 * VALIDATION}; anything else {@code INTERNAL}, so clients can always switch on the code.
 */
public class GraphQLErrorCodeFilter extends HttpFilter {

  private static final Set<String> INPUT_CLASSIFICATIONS =
      Set.of("ValidationError", "InvalidSyntax", "OperationNotSupported");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    // Only executions (POST) are rewritten; a WebSocket upgrade for subscriptions passes untouched.
    if (!"POST".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    BufferedResponse buffered = new BufferedResponse(response);
    try {
      chain.doFilter(request, buffered);
    } catch (RuntimeException | ServletException e) {
      // The GraphQL servlet reads the body as JSON and throws when it is not.
      if (!causedByJson(e)) {
        throw e;
      }
      ErrorResponses.write(
          request, response, 400, "VALIDATION", "The request body is not valid JSON");
      return;
    }
    byte[] body = withCodes(buffered.body()).getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static boolean causedByJson(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof JsonException) {
        return true;
      }
    }
    return false;
  }

  static String withCodes(String body) {
    if (!body.contains("\"errors\"")) {
      return body;
    }
    JsonObject document;
    try (var reader = Json.createReader(new StringReader(body))) {
      document = reader.readObject();
    } catch (JsonException | ClassCastException e) {
      return body;
    }
    if (!document.containsKey("errors")
        || document.get("errors").getValueType() != JsonValue.ValueType.ARRAY) {
      return body;
    }
    JsonArrayBuilder errors = Json.createArrayBuilder();
    for (JsonValue value : document.getJsonArray("errors")) {
      errors.add(value instanceof JsonObject error ? withCode(error) : value);
    }
    return Json.createObjectBuilder(document).add("errors", errors).build().toString();
  }

  private static JsonObject withCode(JsonObject error) {
    JsonObject extensions =
        error.containsKey("extensions") && error.get("extensions") instanceof JsonObject e
            ? e
            : JsonValue.EMPTY_JSON_OBJECT;
    if (extensions.containsKey("code")
        && extensions.get("code").getValueType() == JsonValue.ValueType.STRING
        && extensions.getString("code").equals(extensions.getString("code").toUpperCase())) {
      return error;
    }
    String classification = extensions.getString("classification", "");
    boolean aboutTheRequest =
        INPUT_CLASSIFICATIONS.contains(classification) || !error.containsKey("path");
    String code = aboutTheRequest ? "VALIDATION" : "INTERNAL";
    JsonObjectBuilder coded = Json.createObjectBuilder(extensions).add("code", code);
    return Json.createObjectBuilder(error).add("extensions", coded).build();
  }
}
