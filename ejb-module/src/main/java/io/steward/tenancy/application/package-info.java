/**
 * The tenant context of a request ({@link io.steward.tenancy.application.Caller}), the access check
 * every capability makes before touching a workspace's data, and {@link
 * io.steward.tenancy.application.RecordChanges}, the one way records are written. Writes fire
 * {@link io.steward.tenancy.application.RecordChanged}, which the audit log and the domain events
 * observe in the same transaction — they sit above this kernel, so it cannot call them.
 */
package io.steward.tenancy.application;
