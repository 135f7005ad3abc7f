/** GraphQL views of workspace records: common record fields, connections and batched lookups. */
package io.steward.tenancy.interfaces.graphql;
