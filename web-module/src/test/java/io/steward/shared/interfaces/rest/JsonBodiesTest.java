package io.steward.shared.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.steward.shared.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Tests the nesting guard in front of the JSON parser of REST bodies. */
class JsonBodiesTest {

  @Test
  void should_measure_nesting_of_arrays_and_objects_but_not_inside_strings() {
    assertEquals(0, JsonBodies.depthOf("\"[[[\""));
    assertEquals(3, JsonBodies.depthOf("{\"a\":[{\"b\":\"]]]}}\\\"[[[[\"}],\"c\":[]}"));
    assertEquals(2, JsonBodies.depthOf("[[],[],{}]"));
  }

  @Test
  void should_read_an_object_nested_up_to_the_limit() throws InvalidInputException {
    String nested = "[".repeat(JsonBodies.MAX_DEPTH - 1) + "]".repeat(JsonBodies.MAX_DEPTH - 1);

    assertEquals(
        JsonBodies.MAX_DEPTH - 1,
        JsonBodies.depthOf(JsonBodies.object("{\"a\":" + nested + "}", "x").toString()) - 1);
  }

  @Test
  void should_refuse_deeper_nesting_naming_the_limit() {
    String nested = "[".repeat(JsonBodies.MAX_DEPTH) + "]".repeat(JsonBodies.MAX_DEPTH);

    InvalidInputException refused =
        assertThrows(
            InvalidInputException.class, () -> JsonBodies.object("{\"a\":" + nested + "}", "x"));
    assertEquals("body", refused.field());
    assertEquals("body: is nested deeper than 100 levels", refused.getMessage());
  }
}
