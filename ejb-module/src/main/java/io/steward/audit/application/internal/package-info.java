/** Transactional implementation of the audit log. */
package io.steward.audit.application.internal;
