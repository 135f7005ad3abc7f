package io.steward.crm.interfaces.graphql;

import io.steward.shared.interfaces.graphql.PageInfo;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** The connection (page) types of the CRM schema. */
public final class CrmConnections {

  private CrmConnections() {}

  @Name("CompanyConnection")
  @Description("A page of companies")
  public record Companies(
      @NonNull List<@NonNull CompanyEdge> edges, @NonNull PageInfo pageInfo, int totalCount) {}

  @Name("CompanyEdge")
  public record CompanyEdge(@NonNull String cursor, @NonNull CompanyView node) {}

  @Name("ContactConnection")
  @Description("A page of contacts")
  public record Contacts(
      @NonNull List<@NonNull ContactEdge> edges, @NonNull PageInfo pageInfo, int totalCount) {}

  @Name("ContactEdge")
  public record ContactEdge(@NonNull String cursor, @NonNull ContactView node) {}

  @Name("InteractionConnection")
  @Description("A page of interactions, newest first")
  public record Interactions(
      @NonNull List<@NonNull InteractionEdge> edges, @NonNull PageInfo pageInfo, int totalCount) {}

  @Name("InteractionEdge")
  public record InteractionEdge(@NonNull String cursor, @NonNull InteractionView node) {}

  @Name("DealConnection")
  @Description("A page of deals")
  public record Deals(
      @NonNull List<@NonNull DealEdge> edges, @NonNull PageInfo pageInfo, int totalCount) {}

  @Name("DealEdge")
  public record DealEdge(@NonNull String cursor, @NonNull DealView node) {}
}
