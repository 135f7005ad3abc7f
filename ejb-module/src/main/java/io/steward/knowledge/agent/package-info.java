/** The knowledge base as a skill of every agent: search with citations. */
package io.steward.knowledge.agent;
