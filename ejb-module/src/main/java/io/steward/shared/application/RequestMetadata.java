package io.steward.shared.application;

import jakarta.enterprise.context.RequestScoped;

/** Facts about the request being served, set by the web layer before any service runs. */
@RequestScoped
public class RequestMetadata {

  private String requestId;

  public String requestId() {
    return requestId;
  }

  public void requestId(String requestId) {
    this.requestId = requestId;
  }
}
