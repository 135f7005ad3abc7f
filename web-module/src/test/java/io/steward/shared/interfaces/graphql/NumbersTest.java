package io.steward.shared.interfaces.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.steward.shared.domain.InvalidInputException;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class NumbersTest {

  @Test
  void should_keep_numbers_a_long_holds() throws Exception {
    assertEquals(2_000_000L, Numbers.toLong("budget", BigInteger.valueOf(2_000_000)));
    assertEquals(Long.MAX_VALUE, Numbers.toLong("budget", BigInteger.valueOf(Long.MAX_VALUE)));
    assertEquals(Long.MIN_VALUE, Numbers.toLong("budget", BigInteger.valueOf(Long.MIN_VALUE)));
    assertNull(Numbers.toLong("budget", null));
  }

  @Test
  void should_refuse_larger_numbers_instead_of_wrapping_them() {
    for (BigInteger number :
        new BigInteger[] {
          BigInteger.TEN.pow(30),
          BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE),
          BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE)
        }) {
      assertEquals(
          "budget",
          assertThrows(InvalidInputException.class, () -> Numbers.toLong("budget", number))
              .field());
    }
  }
}
