package io.steward.agent.application.internal;

import io.steward.provider.application.ModelFailure;

/**
 * Why a run could not go on, as the client sees it: a stable code and a message written for people.
 * The cause (with provider details) goes to the server log only.
 */
final class RunFailure extends Exception {

  private final String code;

  RunFailure(String code, String message) {
    super(message);
    this.code = code;
  }

  RunFailure(ModelFailure failure) {
    this(failure.code(), failure.message());
  }

  String code() {
    return code;
  }
}
