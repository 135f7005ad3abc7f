package io.steward.shared.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PatchTest {

  @Test
  void should_keep_the_current_value_when_the_field_is_left_out() {
    Patch<String> left = Patch.keep();
    assertFalse(left.given());
    assertEquals("current", left.or("current"));
  }

  @Test
  void should_take_the_given_value_and_clear_with_a_given_null() {
    assertTrue(Patch.set("new").given());
    assertEquals("new", Patch.set("new").or("current"));
    assertTrue(Patch.set(null).given());
    assertNull(Patch.<String>set(null).or("current"));
  }

  @Test
  void should_leave_a_field_out_when_a_tool_argument_is_absent() {
    assertEquals(Patch.keep(), Patch.ofNullable(null));
    assertEquals(Patch.set("new"), Patch.ofNullable("new"));
  }
}
