/** Keycloak as the membership directory: workspace groups written through the admin REST API. */
package io.steward.workspace.infrastructure.keycloak;
