/** GraphQL for a workspace's own AI: providers, model settings, agent settings, usage. */
package io.steward.provider.interfaces.graphql;
