package io.steward.event.application.internal;

import io.steward.event.application.DomainEvents;
import io.steward.event.domain.Outbox;
import io.steward.event.domain.OutboxEvent;
import io.steward.shared.application.RequestMetadata;
import io.steward.tenancy.application.CurrentCaller;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRole;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Clock;
import java.time.Instant;

@Stateless
public class DefaultDomainEvents implements DomainEvents {

  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject Outbox outbox;
  @Inject CurrentCaller currentCaller;
  @Inject RequestMetadata request;

  @Override
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void publish(
      WorkspaceId workspace,
      String type,
      String recordType,
      String recordId,
      Object state,
      WorkspaceRole audience) {
    outbox.add(
        new OutboxEvent(
            workspace,
            type,
            recordType,
            recordId,
            audience,
            JSON.toJson(state),
            currentCaller.get().userId(),
            Instant.now(Clock.systemUTC()),
            request.requestId()));
  }
}
