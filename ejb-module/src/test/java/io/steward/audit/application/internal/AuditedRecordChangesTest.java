package io.steward.audit.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AuditedRecordChangesTest {

  @Test
  void should_audit_events_under_the_dotted_action_names_of_the_audit_log() {
    assertEquals("task.completed", AuditedRecordChanges.auditAction("taskWasCompleted"));
    assertEquals("deal_stage.changed", AuditedRecordChanges.auditAction("dealStageWasChanged"));
    assertEquals("interaction.logged", AuditedRecordChanges.auditAction("interactionWasLogged"));
  }
}
