package io.steward.secret.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * A secret as it is stored: AEAD ciphertext (Base64), the id of the master key that sealed it, and
 * a hint of the plaintext (its last four characters) that people recognise it by.
 */
@Embeddable
public class SealedSecret {

  @Column(name = "secret_ciphertext", length = 4000)
  private String ciphertext;

  @Column(name = "secret_key_id", length = 16)
  private String keyId;

  @Column(name = "secret_hint", length = 8)
  private String hint;

  protected SealedSecret() {}

  public SealedSecret(String ciphertext, String keyId, String hint) {
    this.ciphertext = Objects.requireNonNull(ciphertext);
    this.keyId = Objects.requireNonNull(keyId);
    this.hint = Objects.requireNonNull(hint);
  }

  public String ciphertext() {
    return ciphertext;
  }

  public String keyId() {
    return keyId;
  }

  /** How the secret is shown: its last four characters behind a mask, e.g. {@code …f3a9}. */
  public String masked() {
    return "…" + hint;
  }

  /** The last characters of a plaintext that may be shown (none of a secret shorter than 12). */
  public static String hintOf(String plaintext) {
    return plaintext.length() < 12 ? "" : plaintext.substring(plaintext.length() - 4);
  }
}
