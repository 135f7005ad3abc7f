package io.steward.audit.interfaces.graphql;

import io.steward.audit.application.AuditLog;
import io.steward.audit.application.AuditPage;
import io.steward.audit.domain.AuditEntry;
import io.steward.shared.domain.StewardException;
import io.steward.shared.interfaces.graphql.PageInfo;
import io.steward.shared.interfaces.graphql.TranslatesFailures;
import io.steward.workspace.domain.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** A workspace's audit log, for its admins and owners. */
@GraphQLApi
@ApplicationScoped
@TranslatesFailures
public class AuditGraphQL {

  @Inject AuditLog auditLog;

  @Name("AuditEntry")
  @Description("One recorded change; before and after are the changed state as JSON text")
  public record AuditEntryView(
      @NonNull @Id String id,
      @NonNull String action,
      @NonNull String targetType,
      String targetId,
      @NonNull @Id String actorId,
      String actorName,
      String before,
      String after,
      @NonNull OffsetDateTime occurredAt,
      String requestId) {}

  @Name("AuditEntryEdge")
  public record Edge(@NonNull String cursor, @NonNull AuditEntryView node) {}

  @Name("AuditEntryConnection")
  @Description("A page of audit entries, newest first")
  public record Connection(
      @NonNull List<@NonNull Edge> edges, @NonNull PageInfo pageInfo, @NonNull int totalCount) {}

  @Query
  @Description("The workspace's audit log, newest first (admins and owners)")
  public @NonNull Connection auditLog(
      @NonNull @Id @Name("workspaceId") String workspaceId,
      @Name("first") @DefaultValue("20") @Description("Page size, 1 to 100") int first,
      @Name("after") @Description("Cursor of the last entry of the previous page") String after)
      throws StewardException {
    AuditPage page = auditLog.page(WorkspaceId.parse("workspaceId", workspaceId), first, after);
    List<Edge> edges =
        page.entries().stream().map(e -> new Edge(auditLog.cursorOf(e), view(e))).toList();
    String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
    return new Connection(
        edges, new PageInfo(page.hasNextPage(), endCursor), Math.toIntExact(page.totalCount()));
  }

  private static AuditEntryView view(AuditEntry entry) {
    return new AuditEntryView(
        String.valueOf(entry.id()),
        entry.action(),
        entry.targetType(),
        entry.targetId(),
        entry.actorId(),
        entry.actorName(),
        entry.before(),
        entry.after(),
        entry.occurredAt().atOffset(ZoneOffset.UTC),
        entry.requestId());
  }
}
