/**
 * Search over passages with Hibernate Search: its Lucene backend, or Elasticsearch/OpenSearch for a
 * cluster.
 */
package io.steward.knowledge.infrastructure.search;
