/**
 * The limits every GraphQL request keeps: its shape and cost are measured before it is validated or
 * run, its arguments are checked, and its execution is bounded in time.
 */
package io.steward.shared.interfaces.graphql.limits;
