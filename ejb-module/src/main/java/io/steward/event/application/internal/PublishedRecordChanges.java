package io.steward.event.application.internal;

import io.steward.event.application.DomainEvents;
import io.steward.tenancy.application.RecordChanged;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every change to a workspace record is published as its domain event, with the record's state (its
 * last state when it was removed) and version, to everyone who may read the workspace.
 */
@ApplicationScoped
public class PublishedRecordChanges {

  @Inject DomainEvents events;

  void publish(@Observes @Priority(Interceptor.Priority.APPLICATION + 1) RecordChanged change) {
    Map<String, Object> payload =
        new LinkedHashMap<>(change.after() != null ? change.after() : change.before());
    payload.put("version", change.version());
    events.publish(
        change.workspace(),
        change.event(),
        change.recordType(),
        change.recordId(),
        payload,
        change.readers());
  }
}
