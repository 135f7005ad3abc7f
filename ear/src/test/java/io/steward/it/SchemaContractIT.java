package io.steward.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.steward.it.support.Steward;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * graphql-schema/schema.graphql is the published contract: the schema the server generates from
 * code must equal it. After an intended change, regenerate it with {@code mvn verify
 * -Dsteward.schema.update=true} and review the diff.
 */
class SchemaContractIT {

  @Test
  void should_serve_exactly_the_committed_schema() throws Exception {
    String served =
        normalized(
            Steward.as(Steward.tokenFor("bob"))
                .get("/graphql/schema.graphql")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    Path contract = Path.of(System.getProperty("steward.schema.file"));
    if (Boolean.getBoolean("steward.schema.update")) {
      Files.writeString(contract, served, StandardCharsets.UTF_8);
      return;
    }
    String committed = Files.exists(contract) ? normalized(Files.readString(contract)) : "";
    assertEquals(
        committed,
        served,
        "The GraphQL schema drifted from graphql-schema/schema.graphql. If the change is intended,"
            + " run: mvn verify -Dsteward.schema.update=true, then review and commit the file.");
  }

  private static String normalized(String schema) {
    return schema.replace("\r\n", "\n").strip() + "\n";
  }
}
