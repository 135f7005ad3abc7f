package io.steward.workspace.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RecordChangesTest {

  @Test
  void should_audit_events_under_the_dotted_action_names_of_the_audit_log() {
    assertEquals("task.completed", RecordChanges.auditAction("taskWasCompleted"));
    assertEquals("deal_stage.changed", RecordChanges.auditAction("dealStageWasChanged"));
    assertEquals("interaction.logged", RecordChanges.auditAction("interactionWasLogged"));
  }
}
