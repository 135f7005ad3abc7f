package io.steward.knowledge.infrastructure.search;

import io.steward.knowledge.domain.KnowledgeAnalysis;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * Defines the analyzer of passages for either search backend, the same chain under each one's
 * names: words of the standard tokenizer, lower-cased, accents folded, English stop words dropped,
 * Porter-stemmed. Neither backend has a ready "english" analyzer that folds accents. Named in
 * persistence.xml; the backend in use takes the interface it knows.
 */
public class KnowledgeAnalysisConfigurer
    implements LuceneAnalysisConfigurer, ElasticsearchAnalysisConfigurer {

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

  @Override
  public void configure(ElasticsearchAnalysisConfigurationContext context) {
    context
        .analyzer(KnowledgeAnalysis.TEXT)
        .custom()
        .tokenizer("standard")
        .tokenFilters("lowercase", "asciifolding", "stop", "porter_stem");
  }
}
