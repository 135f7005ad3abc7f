/** The record store in JPA: criteria queries that always start from the workspace. */
package io.steward.tenancy.infrastructure.persistence;
