package io.steward.provider.domain;

/** Tokens and calls summed over a period, for one key (a model, agent or user) or all. */
public record UsageTotal(String key, long inputTokens, long outputTokens, long calls) {

  public long totalTokens() {
    return inputTokens + outputTokens;
  }
}
