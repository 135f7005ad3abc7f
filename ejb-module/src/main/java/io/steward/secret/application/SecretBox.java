package io.steward.secret.application;

import io.steward.secret.domain.SealedSecret;
import io.steward.shared.domain.RuleViolationException;

/**
 * Seals secrets under the current master key and opens them under the current or a previous one.
 * The {@code context} (e.g. {@code "model-provider:<id>"}) is bound to the ciphertext as associated
 * data, so a sealed secret copied to another record does not open there. Plaintext is never kept.
 */
public interface SecretBox {

  /**
   * @throws RuleViolationException when the installation has no master key configured
   */
  SealedSecret seal(String plaintext, String context) throws RuleViolationException;

  /**
   * @throws RuleViolationException when the secret's master key is not configured (any more) or the
   *     ciphertext does not open in this context
   */
  String open(SealedSecret sealed, String context) throws RuleViolationException;

  /** The id of the master key new secrets are sealed with; null without a master key. */
  String currentKeyId();
}
