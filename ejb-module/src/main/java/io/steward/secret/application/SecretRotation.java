package io.steward.secret.application;

import io.steward.shared.domain.StewardException;

/** Re-seals every stored secret under the current master key. */
public interface SecretRotation {

  /** How a rotation went: secrets re-sealed, and those that could not be (still on an old key). */
  record Report(int resealed, int failed) {}

  /** Rotates now; for platform administrators. Also runs at every start-up. */
  Report rotate() throws StewardException;
}
