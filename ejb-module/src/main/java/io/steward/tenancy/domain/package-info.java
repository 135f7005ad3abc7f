/**
 * The tenancy kernel every capability builds on: workspace ids and roles, the people records refer
 * to, and the generic record store.
 *
 * <p>{@link io.steward.tenancy.domain.WorkspaceRecords} is deliberately the one way business
 * records are read: every query starts from the workspace, so tenant isolation does not depend on
 * each query remembering it. Queries are expressed as a {@link
 * io.steward.tenancy.domain.RecordFilter} and {@link io.steward.tenancy.domain.RecordOrder} over
 * the records' attributes, named through the JPA static metamodel ({@code Task_.DUE_DATE}), so a
 * renamed attribute fails the build instead of a query. This package depends on nothing but {@code
 * shared}; capabilities depend on it, never the other way round.
 */
package io.steward.tenancy.domain;
