/** Secrets stored encrypted: the sealed form entities keep instead of plaintext. */
package io.steward.secret.domain;
