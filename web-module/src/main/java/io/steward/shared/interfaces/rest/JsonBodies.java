package io.steward.shared.interfaces.rest;

import io.steward.shared.domain.InvalidInputException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;

/**
 * Reads the JSON body of a REST request. Nesting deeper than {@value #MAX_DEPTH} levels is refused
 * before parsing, so no body can exhaust the parser (Payara's stops at 1,000 levels, with an
 * exception of no JSON kind).
 */
public final class JsonBodies {

  /** Far deeper than any body Steward reads; clients' own props included. */
  public static final int MAX_DEPTH = 100;

  private JsonBodies() {}

  /** The body as a JSON object; anything else is refused on the field {@code body}. */
  public static JsonObject object(String body, String expected) throws InvalidInputException {
    String text = body == null ? "" : body;
    if (depthOf(text) > MAX_DEPTH) {
      throw new InvalidInputException("body", "is nested deeper than " + MAX_DEPTH + " levels");
    }
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new InvalidInputException("body", "must be " + expected);
    }
  }

  /** The deepest nesting of arrays and objects, strings skipped. */
  static int depthOf(String json) {
    int depth = 0;
    int deepest = 0;
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        deepest = Math.max(deepest, ++depth);
      } else if (c == ']' || c == '}') {
        depth--;
      }
    }
    return deepest;
  }
}
