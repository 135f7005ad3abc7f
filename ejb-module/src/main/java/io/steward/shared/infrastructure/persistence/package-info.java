/**
 * Database schema migrations, database health and the recognition of refused writes, shared by all
 * capabilities.
 */
package io.steward.shared.infrastructure.persistence;
