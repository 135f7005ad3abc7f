/**
 * Sealing and opening secrets under the installation's master key, and re-sealing every stored
 * secret when the master key is rotated.
 */
package io.steward.secret.application;
