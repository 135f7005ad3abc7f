/** GraphQL for action policies, the approvals inbox and the oversight figures. */
package io.steward.approval.interfaces.graphql;
