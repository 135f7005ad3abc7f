/** How failures become GraphQL errors with stable codes, and the shared GraphQL types. */
package io.steward.shared.interfaces.graphql;
