package io.steward.workspace.application;

import jakarta.enterprise.context.RequestScoped;

/** Holds the caller of the current request, set by the web layer once the token is verified. */
@RequestScoped
public class CurrentCaller {

  private Caller caller;

  public void set(Caller caller) {
    this.caller = caller;
  }

  public Caller get() {
    if (caller == null) {
      throw new IllegalStateException("no authenticated caller in this request");
    }
    return caller;
  }
}
