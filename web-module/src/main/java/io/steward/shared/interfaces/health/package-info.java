/** Liveness, and readiness of the database, probed in the background for MicroProfile Health. */
package io.steward.shared.interfaces.health;
