package io.steward.it;

import static io.steward.it.support.Steward.errorCode;
import static io.steward.it.support.Steward.ok;
import static io.steward.it.support.Steward.tokenFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.steward.it.support.AgUiStream;
import io.steward.it.support.AgentRuns;
import io.steward.it.support.ModelProviders;
import io.steward.it.support.Records.Team;
import io.steward.it.support.ScriptedModel;
import io.steward.it.support.ScriptedModelServer;
import io.steward.it.support.Steward;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Provider keys are stored only as ciphertext, and a master-key rotation (the server restarted with
 * a new key, the old one kept as previous) re-seals them all while they keep working. Only the
 * PostgreSQL run can read the stored column: the embedded H2 file is the server's alone.
 */
// Restarts the server under a new master key, which no other test may see.
@Isolated
class SecretRotationIT {

  private static final String PG_URL =
      System.getProperty(
          "steward.it.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/steward_it");
  private static final String ROTATE = "mutation { rotateSecrets { resealed failed } }";

  @RegisterExtension static final ScriptedModel model = new ScriptedModel();

  record Stored(String keyId, String ciphertext) {}

  @Test
  void should_store_keys_encrypted_and_keep_them_working_through_a_rotation() throws Exception {
    assertEquals("FORBIDDEN", errorCode(tokenFor("alice"), ROTATE, Map.of()));
    assertEquals(0, ok(tokenFor("admin"), ROTATE, Map.of()).getInt("data.rotateSecrets.failed"));
    assumeTrue("postgresql".equals(System.getProperty("steward.db")), "needs the PostgreSQL run");

    try (Connection db = DriverManager.getConnection(PG_URL, "postgres", "")) {
      Team team = Team.create("Rotation");
      String key = ModelProviders.newKey();
      String id = ModelProviders.addProvider(team, "House", key, model.baseUrl());
      ok(
          team.owner(),
          ModelProviders.SETTINGS,
          Map.of(
              "ws",
              team.ws(),
              "s",
              Map.of("defaultProviderId", id, "membersMayChooseModel", false)));

      Stored before = stored(db, id);
      assertFalse(before.ciphertext().contains(key));
      assertFalse(
          new String(Base64.getDecoder().decode(before.ciphertext()), StandardCharsets.ISO_8859_1)
              .contains(key),
          "the column holds ciphertext");

      Steward.itEnv("rotate-master-key");

      Stored after = stored(db, id);
      for (int attempt = 0; attempt < 100 && after.keyId().equals(before.keyId()); attempt++) {
        Thread.sleep(200);
        after = stored(db, id);
      }
      assertNotEquals(before.keyId(), after.keyId(), "re-sealed under the new master key");
      assertNotEquals(before.ciphertext(), after.ciphertext());
      assertEquals(
          0, ok(tokenFor("admin"), ROTATE, Map.of()).getInt("data.rotateSecrets.resealed"));

      model.enqueue(ScriptedModelServer.reply().text("Still me."));
      // A fresh token: on a busy machine the restart can outlast the 5 minutes tokens live.
      AgUiStream stream =
          AgentRuns.run(
              Steward.tokenFor("erin"), team.ws(), "task", AgentRuns.newThread("Hi", null));
      assertEquals("Still me.", stream.text());
      assertEquals("Bearer " + key, model.authorizations().get(0), "the same key, opened again");
    }
  }

  private static Stored stored(Connection db, String providerId) throws Exception {
    try (PreparedStatement query =
        db.prepareStatement(
            "select secret_key_id, secret_ciphertext from model_provider where id = ?")) {
      query.setObject(1, UUID.fromString(providerId));
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return new Stored(row.getString(1), row.getString(2));
      }
    }
  }
}
