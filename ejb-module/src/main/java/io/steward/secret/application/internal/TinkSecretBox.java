package io.steward.secret.application.internal;

import com.google.crypto.tink.Aead;
import io.steward.secret.application.SecretBox;
import io.steward.secret.domain.SealedSecret;
import io.steward.shared.domain.RuleViolationException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seals with AES-256-GCM (Google Tink) under {@code steward.secrets.master-key} (environment {@code
 * STEWARD_SECRETS_MASTER_KEY}); {@code steward.secrets.previous-master-keys} (comma-separated) are
 * kept for opening secrets sealed before a rotation.
 */
@ApplicationScoped
public class TinkSecretBox implements SecretBox {

  private static final Logger LOG = Logger.getLogger(TinkSecretBox.class.getName());

  @Inject
  @ConfigProperty(name = "steward.secrets.master-key")
  Optional<String> masterKey;

  @Inject
  @ConfigProperty(name = "steward.secrets.previous-master-keys")
  Optional<String> previousMasterKeys;

  private MasterKeys keys;

  @PostConstruct
  void loadKeys() {
    try {
      keys = configuredKeys();
    } catch (IllegalArgumentException e) {
      // Refusing every secret operation with a clear answer beats failing the deployment.
      LOG.severe(
          "The master key configuration is not usable ("
              + e.getMessage()
              + "); secrets cannot be sealed or opened until it is fixed");
      keys = new MasterKeys(null, List.of());
    }
  }

  private MasterKeys configuredKeys() {
    return new MasterKeys(
        masterKey.map(String::strip).filter(key -> !key.isEmpty()).orElse(null),
        previousMasterKeys
            .map(
                list ->
                    Arrays.stream(list.split(","))
                        .map(String::strip)
                        .filter(key -> !key.isEmpty())
                        .toList())
            .orElse(List.of()));
  }

  @Override
  public SealedSecret seal(String plaintext, String context) throws RuleViolationException {
    String keyId = keys.currentId();
    if (keyId == null) {
      throw new RuleViolationException(
          "This installation has no master key for secrets (steward.secrets.master-key); an"
              + " administrator must configure one before keys can be saved");
    }
    try {
      byte[] ciphertext =
          keys.aead(keyId).encrypt(plaintext.getBytes(StandardCharsets.UTF_8), bytes(context));
      return new SealedSecret(
          Base64.getEncoder().encodeToString(ciphertext), keyId, SealedSecret.hintOf(plaintext));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("sealing a secret failed", e);
    }
  }

  @Override
  public String open(SealedSecret sealed, String context) throws RuleViolationException {
    Aead aead = keys.aead(sealed.keyId());
    if (aead == null) {
      throw new RuleViolationException(
          "A stored key was sealed with a master key this installation no longer has; save the"
              + " key again");
    }
    try {
      byte[] plaintext =
          aead.decrypt(Base64.getDecoder().decode(sealed.ciphertext()), bytes(context));
      return new String(plaintext, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new RuleViolationException("A stored key could not be opened; save the key again");
    }
  }

  @Override
  public String currentKeyId() {
    return keys.currentId();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
