package io.steward.shared.interfaces.web;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
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
    byte[] body = request.getInputStream().readAllBytes();
    String problem = problemOf(body, maxDepth);
    if (problem != null) {
      ErrorResponses.write(request, response, 400, "VALIDATION", problem);
      return;
    }
    chain.doFilter(new ReadBody(request, body), response);
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

  /** The request with its body read once, so GraphQL can read it again. */
  private static final class ReadBody extends HttpServletRequestWrapper {

    private final byte[] body;

    ReadBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream bytes = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return bytes.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return bytes.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the body has been read already");
        }
      };
    }

    /** The body's declared encoding; UTF-8, as JSON is, when none or an unknown one is given. */
    private Charset charset() {
      String encoding = getCharacterEncoding();
      try {
        return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      } catch (IllegalArgumentException e) {
        return StandardCharsets.UTF_8;
      }
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
    }
  }
}
