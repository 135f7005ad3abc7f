/** JPA storage of audit entries. */
package io.steward.audit.infrastructure.persistence;
