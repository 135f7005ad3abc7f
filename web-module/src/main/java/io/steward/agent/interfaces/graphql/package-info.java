/** Agents and run history in GraphQL. */
package io.steward.agent.interfaces.graphql;
