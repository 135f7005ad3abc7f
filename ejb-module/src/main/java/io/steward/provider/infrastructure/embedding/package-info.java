/**
 * Embedding models: the in-process all-MiniLM-L6-v2 through LangChain4j, used by knowledge search
 * and by the agent router.
 */
package io.steward.provider.infrastructure.embedding;
