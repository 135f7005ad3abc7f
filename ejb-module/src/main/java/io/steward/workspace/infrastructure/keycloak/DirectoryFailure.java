package io.steward.workspace.infrastructure.keycloak;

/**
 * Keycloak could not be read or written. Unexpected by the use cases: it rolls their transaction
 * back and reaches clients only as a generic internal error (details go to the server log).
 */
public class DirectoryFailure extends RuntimeException {

  public DirectoryFailure(String message) {
    super(message);
  }
}
