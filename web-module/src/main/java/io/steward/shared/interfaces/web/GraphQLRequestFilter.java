package io.steward.shared.interfaces.web;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks a GraphQL request's JSON before GraphQL reads it: it must be a JSON object whose {@code
 * query} and {@code operationName} are strings and whose {@code variables} and {@code extensions}
 * are objects, nested no deeper than {@code steward.graphql.max-json-depth}. Anything else is a
 * {@code VALIDATION} error; the GraphQL servlet would answer it with an internal error. A body sent
 * as {@code application/graphql} is the query itself and passes.
 */
public class GraphQLRequestFilter extends HttpFilter {

  /** The members GraphQL reads, and the JSON each may be. */
  private static final Map<String, Set<Event>> MEMBERS =
      Map.of(
          "query", EnumSet.of(Event.VALUE_STRING),
          "operationName", EnumSet.of(Event.VALUE_STRING, Event.VALUE_NULL),
          "variables", EnumSet.of(Event.START_OBJECT, Event.VALUE_NULL),
          "extensions", EnumSet.of(Event.START_OBJECT, Event.VALUE_NULL));

  @Inject
  @ConfigProperty(name = "steward.graphql.max-json-depth")
  int maxDepth;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String contentType = request.getContentType();
    if (!"POST".equals(request.getMethod())
        || (contentType != null && contentType.startsWith("application/graphql"))) {
      chain.doFilter(request, response);
      return;
    }
    // RequestBodyLimitFilter has read the body within its limit.
    Optional<byte[]> body = BufferedBodyRequest.bodyOf(request);
    String problem = body.map(bytes -> problemOf(bytes, maxDepth)).orElse(null);
    if (problem != null) {
      ErrorResponses.write(request, response, 400, "VALIDATION", problem);
      return;
    }
    chain.doFilter(request, response);
  }

  /** What is wrong with a request body, or null when GraphQL can take it. */
  static String problemOf(byte[] body, int maxDepth) {
    try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
      if (!parser.hasNext() || parser.next() != Event.START_OBJECT) {
        return "The request body must be a JSON object with a query";
      }
      int depth = 1;
      String member = null;
      boolean hasQuery = false;
      while (parser.hasNext()) {
        Event event = parser.next();
        if (depth == 1 && event == Event.KEY_NAME) {
          member = parser.getString();
          continue;
        }
        if (depth == 1 && member != null && MEMBERS.containsKey(member)) {
          if (!MEMBERS.get(member).contains(event)) {
            return member + " must be " + expected(member);
          }
          hasQuery |= member.equals("query");
        }
        member = null;
        if (event == Event.START_OBJECT || event == Event.START_ARRAY) {
          if (++depth > maxDepth) {
            return "The request's JSON is nested deeper than " + maxDepth + " levels";
          }
        } else if (event == Event.END_OBJECT || event == Event.END_ARRAY) {
          depth--;
        }
      }
      return hasQuery ? null : "query must be given";
    } catch (JsonException | IllegalStateException e) {
      return "The request body is not valid JSON";
    }
  }

  private static String expected(String member) {
    return switch (member) {
      case "query" -> "a string";
      case "operationName" -> "a string or null";
      default -> "a JSON object or null";
    };
  }
}
