package io.steward.shared.interfaces.graphql;

import io.steward.shared.domain.InvalidInputException;
import java.math.BigInteger;

/**
 * Whole numbers from client input. GraphQL's {@code BigInteger} carries numbers of any size, and
 * SmallRye would narrow one silently into a {@code Long} field; inputs therefore take {@code
 * BigInteger} and pass through here.
 */
public final class Numbers {

  private Numbers() {}

  /** The number, or null when absent; beyond a long's range is a validation failure. */
  public static Long toLong(String field, BigInteger number) throws InvalidInputException {
    if (number == null) {
      return null;
    }
    if (number.bitLength() > Long.SIZE - 1) {
      throw new InvalidInputException(
          field, "must be between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE);
    }
    return number.longValue();
  }
}
