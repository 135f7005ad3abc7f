/** JPA storage of providers, model settings and usage. */
package io.steward.provider.infrastructure.persistence;
