package io.steward.audit.application.internal;

import io.steward.audit.application.AuditLog;
import io.steward.tenancy.application.RecordChanged;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.Locale;

/** Every change to a workspace record is audited, in the transaction that made it. */
@ApplicationScoped
public class AuditedRecordChanges {

  @Inject AuditLog audit;

  void audit(@Observes @Priority(Interceptor.Priority.APPLICATION) RecordChanged change) {
    audit.record(
        change.workspace(),
        auditAction(change.event()),
        change.recordType(),
        change.recordId(),
        change.before(),
        change.after());
  }

  /** {@code taskWasCompleted} is audited as {@code task.completed}, like other audit actions. */
  static String auditAction(String event) {
    int was = event.indexOf("Was");
    String subject = event.substring(0, was);
    String verb = event.substring(was + "Was".length());
    return snake(subject) + "." + snake(verb);
  }

  private static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
