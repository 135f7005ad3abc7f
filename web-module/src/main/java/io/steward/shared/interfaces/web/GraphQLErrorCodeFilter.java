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
import java.util.regex.Pattern;

/**
 * Gives every GraphQL error a {@code code}. Errors from resolvers carry theirs already; errors that
 * GraphQL raises about the request itself, before any resolver runs (unparsable documents, unknown
 * fields, wrong argument types: validation classifications, or no {@code path}), get {@code
 * VALIDATION}; anything else {@code INTERNAL}, so clients can always switch on the code. A message
 * that names Java classes (GraphQL's own messages about some wrong values do) is replaced by a
 * plain one: class names are not for clients.
 */
public class GraphQLErrorCodeFilter extends HttpFilter {

  private static final Set<String> INPUT_CLASSIFICATIONS =
      Set.of("ValidationError", "InvalidSyntax", "OperationNotSupported");
  private static final Pattern CLASS_NAME =
      Pattern.compile("\\b(?:io\\.steward|io\\.smallrye|java|jakarta|graphql)\\.[\\w$]+\\.");

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
    chain.doFilter(request, buffered);
    byte[] body = withCodes(buffered.body()).getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
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
    String code;
    if (extensions.containsKey("code")
        && extensions.get("code").getValueType() == JsonValue.ValueType.STRING
        && extensions.getString("code").equals(extensions.getString("code").toUpperCase())) {
      code = extensions.getString("code");
    } else {
      String classification = extensions.getString("classification", "");
      boolean aboutTheRequest =
          INPUT_CLASSIFICATIONS.contains(classification) || !error.containsKey("path");
      code = aboutTheRequest ? "VALIDATION" : "INTERNAL";
    }
    JsonObjectBuilder coded = Json.createObjectBuilder(extensions).add("code", code);
    JsonObjectBuilder result = Json.createObjectBuilder(error);
    if (CLASS_NAME.matcher(error.getString("message", "")).find()
        || CLASS_NAME.matcher(extensions.getString("description", "")).find()) {
      coded.remove("description");
      result.add(
          "message",
          code.equals("VALIDATION")
              ? "A value in the request is not of the type its argument takes"
              : "Internal error");
    }
    return result.add("extensions", coded).build();
  }
}
