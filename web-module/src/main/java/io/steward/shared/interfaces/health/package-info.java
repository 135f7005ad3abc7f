/** Readiness of Steward's dependencies for MicroProfile Health. */
package io.steward.shared.interfaces.health;
