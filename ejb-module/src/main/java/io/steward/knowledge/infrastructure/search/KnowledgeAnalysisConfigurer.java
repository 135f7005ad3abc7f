package io.steward.knowledge.infrastructure.search;

import io.steward.knowledge.domain.KnowledgeAnalysis;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * Defines the analyzers the index uses (Lucene has no ready "english" analyzer under that name).
 * Named in persistence.xml.
 */
public class KnowledgeAnalysisConfigurer implements LuceneAnalysisConfigurer {

  @Override
  public void configure(LuceneAnalysisConfigurationContext context) {
    context
        .analyzer(KnowledgeAnalysis.TEXT)
        .custom()
        .tokenizer("standard")
        .tokenFilter("lowercase")
        .tokenFilter("asciiFolding")
        .tokenFilter("stop")
        .tokenFilter("porterStem");
  }
}
