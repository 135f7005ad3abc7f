package io.steward.secret.application.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.Hkdf;
import com.google.crypto.tink.util.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The master keys from configuration as AES-256-GCM AEADs, by key id. A configured master key is a
 * secret string of at least 32 characters; the AES key is derived from it with HKDF-SHA256, and its
 * id (8 hex digits, also derived) is stored with every secret it seals.
 */
final class MasterKeys {

  static final int MIN_LENGTH = 32;
  private static final byte[] SALT = "steward-secrets-v1".getBytes(StandardCharsets.UTF_8);

  private final String currentId;
  private final Map<String, Aead> byId = new LinkedHashMap<>();

  /**
   * @param current the master key new secrets are sealed with, or null for none
   * @param previous earlier master keys that still open secrets not yet re-sealed
   * @throws IllegalArgumentException when a key is shorter than {@link #MIN_LENGTH}
   */
  MasterKeys(String current, List<String> previous) {
    try {
      AeadConfig.register();
      currentId = current == null ? null : add(current);
      for (String key : previous) {
        add(key);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up the master keys", e);
    }
  }

  private String add(String secret) throws GeneralSecurityException {
    if (secret.length() < MIN_LENGTH) {
      throw new IllegalArgumentException(
          "a master key must be at least " + MIN_LENGTH + " characters long");
    }
    byte[] material = secret.getBytes(StandardCharsets.UTF_8);
    byte[] keyBytes = Hkdf.computeHkdf("HMACSHA256", material, SALT, bytes("aes-256-gcm"), 32);
    String id =
        HexFormat.of()
            .formatHex(Hkdf.computeHkdf("HMACSHA256", material, SALT, bytes("key-id"), 4));
    AesGcmKey key =
        AesGcmKey.builder()
            .setParameters(
                AesGcmParameters.builder()
                    .setKeySizeBytes(32)
                    .setIvSizeBytes(12)
                    .setTagSizeBytes(16)
                    .setVariant(AesGcmParameters.Variant.NO_PREFIX)
                    .build())
            .setKeyBytes(SecretBytes.copyFrom(keyBytes, InsecureSecretKeyAccess.get()))
            .build();
    Aead aead =
        KeysetHandle.newBuilder()
            .addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary())
            .build()
            .getPrimitive(RegistryConfiguration.get(), Aead.class);
    byId.putIfAbsent(id, aead);
    return id;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The current key's id, or null when no master key is configured. */
  String currentId() {
    return currentId;
  }

  /** The AEAD of the key with this id, or null when it is not configured. */
  Aead aead(String id) {
    return byId.get(id);
  }
}
