package io.steward.secret.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.steward.secret.domain.SealedSecret;
import io.steward.shared.domain.RuleViolationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TinkSecretBoxTest {

  private static final String KEY_A = "a-master-key-of-at-least-32-characters-A";
  private static final String KEY_B = "a-master-key-of-at-least-32-characters-B";
  private static final String SECRET = "sk-live-1234567890abcdef";

  private static TinkSecretBox box(String current, String previous) {
    TinkSecretBox box = new TinkSecretBox();
    box.masterKey = Optional.ofNullable(current);
    box.previousMasterKeys = Optional.ofNullable(previous);
    box.loadKeys();
    return box;
  }

  @Test
  void should_seal_into_ciphertext_that_opens_only_in_its_context() throws Exception {
    TinkSecretBox box = box(KEY_A, null);
    SealedSecret sealed = box.seal(SECRET, "model-provider:1");

    assertFalse(
        new String(Base64.getDecoder().decode(sealed.ciphertext()), StandardCharsets.ISO_8859_1)
            .contains(SECRET));
    assertEquals("…cdef", sealed.masked());
    assertEquals(box.currentKeyId(), sealed.keyId());
    assertEquals(SECRET, box.open(sealed, "model-provider:1"));
    assertThrows(RuleViolationException.class, () -> box.open(sealed, "model-provider:2"));
    assertNotEquals(
        sealed.ciphertext(), box.seal(SECRET, "model-provider:1").ciphertext(), "a fresh nonce");
  }

  @Test
  void should_open_old_secrets_and_seal_under_the_new_key_once_rotated() throws Exception {
    SealedSecret old = box(KEY_A, null).seal(SECRET, "ctx");
    TinkSecretBox rotated = box(KEY_B, " " + KEY_A + " ");

    assertNotEquals(old.keyId(), rotated.currentKeyId());
    assertEquals(SECRET, rotated.open(old, "ctx"));
    assertEquals(rotated.currentKeyId(), rotated.seal(SECRET, "ctx").keyId());
    assertThrows(RuleViolationException.class, () -> box(KEY_B, null).open(old, "ctx"));
  }

  @Test
  void should_seal_nothing_without_a_master_key() {
    TinkSecretBox box = box(null, null);
    assertNull(box.currentKeyId());
    assertThrows(RuleViolationException.class, () -> box.seal(SECRET, "ctx"));
    TinkSecretBox misconfigured = box("too short", null);
    assertNull(misconfigured.currentKeyId(), "a key too short to use is no key");
    assertThrows(RuleViolationException.class, () -> misconfigured.seal(SECRET, "ctx"));
  }

  @Test
  void should_give_short_secrets_no_hint() {
    assertEquals("", SealedSecret.hintOf("short-key"));
    assertEquals("wxyz", SealedSecret.hintOf("abcdefghijklmnopqrstuvwxyz"));
  }
}
