/** GraphQL access to a workspace's audit log. */
package io.steward.audit.interfaces.graphql;
