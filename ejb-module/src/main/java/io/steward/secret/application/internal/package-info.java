/** The Tink implementation of the secret box and the rotation over every secret holder. */
package io.steward.secret.application.internal;
