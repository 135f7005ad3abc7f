package io.steward.workspace.infrastructure.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.transaction.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompensationsTest {

  @Test
  void should_undo_newest_first_when_the_transaction_rolls_back() {
    List<String> undone = new ArrayList<>();
    Compensations compensations = new Compensations();
    compensations.add(() -> undone.add("create group"));
    compensations.add(() -> undone.add("assign owner"));

    compensations.afterCompletion(Status.STATUS_ROLLEDBACK);

    assertEquals(List.of("assign owner", "create group"), undone);
  }

  @Test
  void should_undo_nothing_when_the_transaction_commits() {
    List<String> undone = new ArrayList<>();
    Compensations compensations = new Compensations();
    compensations.add(() -> undone.add("create group"));

    compensations.afterCompletion(Status.STATUS_COMMITTED);

    assertEquals(List.of(), undone);
  }

  @Test
  void should_keep_undoing_when_one_step_fails() {
    List<String> undone = new ArrayList<>();
    Compensations compensations = new Compensations();
    compensations.add(() -> undone.add("first"));
    compensations.add(
        () -> {
          throw new DirectoryFailure("Keycloak down");
        });

    compensations.afterCompletion(Status.STATUS_ROLLEDBACK);

    assertEquals(List.of("first"), undone);
  }
}
