/** Embedding models: the in-process all-MiniLM-L6-v2 through LangChain4j. */
package io.steward.knowledge.infrastructure.embedding;
