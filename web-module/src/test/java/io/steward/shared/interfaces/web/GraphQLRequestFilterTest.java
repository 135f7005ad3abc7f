package io.steward.shared.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GraphQLRequestFilterTest {

  @Test
  void should_pass_requests_graphql_can_take() {
    assertNull(problem("{\"query\":\"{ me { id } }\"}"));
    assertNull(
        problem(
            "{\"query\":\"q\",\"operationName\":null,\"variables\":{\"a\":[[1]]},"
                + "\"extensions\":{},\"other\":[1]}"));
    assertNull(problem("{\"query\":\"q\",\"variables\":" + nested(30) + "}"));
  }

  @Test
  void should_name_members_of_the_wrong_json_type() {
    assertEquals(
        "variables must be a JSON object or null",
        problem("{\"query\":\"q\",\"variables\":\"{\\\"a\\\":1}\"}"));
    assertEquals(
        "variables must be a JSON object or null", problem("{\"query\":\"q\",\"variables\":[1]}"));
    assertEquals("query must be a string", problem("{\"query\":{\"a\":1}}"));
    assertEquals(
        "operationName must be a string or null", problem("{\"query\":\"q\",\"operationName\":7}"));
    assertEquals("query must be given", problem("{\"variables\":{}}"));
    assertEquals(
        "The request body must be a JSON object with a query", problem("[{\"query\":\"q\"}]"));
  }

  @Test
  void should_refuse_deep_nesting_and_broken_json_without_parsing_further() {
    assertEquals(
        "The request's JSON is nested deeper than 32 levels",
        problem("{\"query\":\"q\",\"variables\":" + nested(1500) + "}"));
    assertEquals("The request body is not valid JSON", problem("{ this is not json"));
    assertEquals("The request body is not valid JSON", problem("{\"query\":\"q\"} trailing"));
  }

  /** An object nesting arrays to {@code levels} levels of JSON in all. */
  private static String nested(int levels) {
    return "{\"a\":" + "[".repeat(levels - 1) + "]".repeat(levels - 1) + "}";
  }

  private static String problem(String body) {
    return GraphQLRequestFilter.problemOf(body.getBytes(StandardCharsets.UTF_8), 32);
  }
}
