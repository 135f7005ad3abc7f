package io.steward.shared.infrastructure.persistence;

import java.sql.SQLException;

/** Recognises a write the database refused because it broke an integrity constraint. */
public final class IntegrityConstraints {

  private IntegrityConstraints() {}

  /**
   * Whether {@code failure} was caused by an integrity constraint violation (a unique key, a
   * foreign key …): SQL state class 23 on every database.
   */
  public static boolean violatedBy(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }
}
