/** Full-text search over passages with Hibernate Search and its Lucene backend. */
package io.steward.knowledge.infrastructure.search;
