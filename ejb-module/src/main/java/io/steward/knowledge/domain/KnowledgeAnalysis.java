package io.steward.knowledge.domain;

/** Names of the text analyzers the search index defines (see the search infrastructure). */
public final class KnowledgeAnalysis {

  /** Lower-cased, accent-folded, English-stemmed words without English stop words. */
  public static final String TEXT = "steward_text";

  private KnowledgeAnalysis() {}
}
