package io.steward.audit.application.internal;

import io.steward.audit.application.AuditLog;
import io.steward.audit.application.AuditPage;
import io.steward.audit.domain.AuditEntry;
import io.steward.audit.domain.AuditTrail;
import io.steward.shared.application.RequestMetadata;
import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.application.Caller;
import io.steward.tenancy.application.CurrentCaller;
import io.steward.tenancy.application.WorkspaceAccess;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRole;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

@Stateless
public class DefaultAuditLog implements AuditLog {

  private static final String CURSOR_PREFIX = "audit:";
  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject AuditTrail trail;
  @Inject CurrentCaller currentCaller;
  @Inject RequestMetadata request;
  @Inject WorkspaceAccess access;

  @Override
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void record(
      WorkspaceId workspace,
      String action,
      String targetType,
      String targetId,
      Object before,
      Object after) {
    Caller caller = currentCaller.get();
    trail.add(
        new AuditEntry(
            workspace,
            caller.userId(),
            caller.username(),
            currentCaller.agent(),
            action,
            targetType,
            targetId,
            toJson(before),
            toJson(after),
            Instant.now(Clock.systemUTC()),
            request.requestId()));
  }

  @Override
  public AuditPage page(WorkspaceId workspace, int first, String after) throws StewardException {
    access.require(workspace, WorkspaceRole.ADMIN);
    if (first < 1 || first > MAX_PAGE_SIZE) {
      throw new InvalidInputException("first", "must be between 1 and " + MAX_PAGE_SIZE);
    }
    long beforeId = after == null ? Long.MAX_VALUE : decodeCursor(after);
    List<AuditEntry> entries = trail.page(workspace, beforeId, first + 1);
    boolean hasNextPage = entries.size() > first;
    return new AuditPage(
        hasNextPage ? entries.subList(0, first) : entries, hasNextPage, trail.count(workspace));
  }

  @Override
  public String cursorOf(AuditEntry entry) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((CURSOR_PREFIX + entry.id()).getBytes(StandardCharsets.UTF_8));
  }

  private static long decodeCursor(String cursor) throws InvalidInputException {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (text.startsWith(CURSOR_PREFIX)) {
        return Long.parseLong(text.substring(CURSOR_PREFIX.length()));
      }
    } catch (IllegalArgumentException e) {
      // falls through to the validation failure below
    }
    throw new InvalidInputException("after", "is not a cursor returned by this query");
  }

  private static String toJson(Object state) {
    return state == null ? null : JSON.toJson(state);
  }
}
