package io.steward.tenancy.application;

import jakarta.enterprise.context.RequestScoped;

/**
 * Holds the caller of the current request, set by the web layer once the token is verified (or by
 * an agent run, for the person who started it), and the agent acting for them, if one is.
 */
@RequestScoped
public class CurrentCaller {

  private Caller caller;
  private String agent;

  public void set(Caller caller) {
    this.caller = caller;
  }

  /** From now on, changes are made by this agent on behalf of the caller. */
  public void actAs(String agent) {
    this.agent = agent;
  }

  /** The agent acting for the caller, or null when the caller acts in person. */
  public String agent() {
    return agent;
  }

  /** Whether a caller is set: background work sets one before it changes anything. */
  public boolean present() {
    return caller != null;
  }

  public Caller get() {
    if (caller == null) {
      throw new IllegalStateException("no authenticated caller in this request");
    }
    return caller;
  }
}
