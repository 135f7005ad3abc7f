/** Readiness of the identity provider that holds workspace membership. */
package io.steward.workspace.interfaces.health;
