/** The outbox as a JPA table. */
package io.steward.event.infrastructure.persistence;
