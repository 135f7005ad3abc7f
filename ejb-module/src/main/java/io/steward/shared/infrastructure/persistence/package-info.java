/** Database schema migrations and database health, shared by all capabilities. */
package io.steward.shared.infrastructure.persistence;
