/** GraphQL queries and mutations for the caller, workspaces and members. */
package io.steward.workspace.interfaces.graphql;
