package io.steward.audit.interfaces.graphql;

import io.steward.audit.application.AuditLog;
import io.steward.shared.domain.StewardException;
import io.steward.shared.interfaces.graphql.TranslatesFailures;
import io.steward.tenancy.domain.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

  @Query
  @Description("The workspace's audit log, newest first (admins and owners)")
  public @NonNull AuditConnection auditLog(
      @NonNull @Id @Name("workspaceId") String workspaceId,
      @Name("first") @DefaultValue("20") @Description("Page size, 1 to 100") int first,
      @Name("after") @Description("Cursor of the last entry of the previous page") String after)
      throws StewardException {
    return AuditConnection.of(
        auditLog.page(WorkspaceId.parse("workspaceId", workspaceId), first, after), auditLog);
  }
}
