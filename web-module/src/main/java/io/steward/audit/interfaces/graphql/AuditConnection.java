package io.steward.audit.interfaces.graphql;

import io.steward.audit.application.AuditLog;
import io.steward.audit.application.AuditPage;
import io.steward.audit.domain.AuditEntry;
import io.steward.shared.interfaces.graphql.PageInfo;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** A page of audit entries as clients see it, on GraphQL and on REST alike. */
@Name("AuditEntryConnection")
@Description("A page of audit entries, newest first")
public record AuditConnection(
    @NonNull List<@NonNull Edge> edges, @NonNull PageInfo pageInfo, @NonNull int totalCount) {

  @Name("AuditEntry")
  @Description("One recorded change; before and after are the changed state as JSON text")
  public record Entry(
      @NonNull @Id String id,
      @NonNull String action,
      @NonNull String targetType,
      String targetId,
      @NonNull @Id String actorId,
      String actorName,
      @Description("The agent that made the change on the actor's behalf, if one did") String agent,
      String before,
      String after,
      @NonNull OffsetDateTime occurredAt,
      String requestId) {

    static Entry of(AuditEntry entry) {
      return new Entry(
          String.valueOf(entry.id()),
          entry.action(),
          entry.targetType(),
          entry.targetId(),
          entry.actorId(),
          entry.actorName(),
          entry.agent(),
          entry.before(),
          entry.after(),
          entry.occurredAt().atOffset(ZoneOffset.UTC),
          entry.requestId());
    }
  }

  @Name("AuditEntryEdge")
  public record Edge(@NonNull String cursor, @NonNull Entry node) {}

  public static AuditConnection of(AuditPage page, AuditLog auditLog) {
    List<Edge> edges =
        page.entries().stream().map(e -> new Edge(auditLog.cursorOf(e), Entry.of(e))).toList();
    String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
    return new AuditConnection(
        edges, new PageInfo(page.hasNextPage(), endCursor), Math.toIntExact(page.totalCount()));
  }
}
