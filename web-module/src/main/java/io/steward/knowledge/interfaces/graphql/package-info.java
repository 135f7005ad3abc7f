/** GraphQL access to the knowledge base: documents, their ingestion state, and search. */
package io.steward.knowledge.interfaces.graphql;
