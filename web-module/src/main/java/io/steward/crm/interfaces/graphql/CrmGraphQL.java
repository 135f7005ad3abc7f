package io.steward.crm.interfaces.graphql;

import io.steward.crm.application.CompanyService;
import io.steward.crm.application.ContactQuery;
import io.steward.crm.application.ContactService;
import io.steward.crm.application.DealQuery;
import io.steward.crm.application.DealService;
import io.steward.crm.domain.Company;
import io.steward.crm.domain.CompanyUpdate;
import io.steward.crm.domain.Contact;
import io.steward.crm.domain.ContactDetails;
import io.steward.crm.domain.ContactUpdate;
import io.steward.crm.domain.DealTerms;
import io.steward.crm.interfaces.graphql.CrmConnections.Companies;
import io.steward.crm.interfaces.graphql.CrmConnections.CompanyEdge;
import io.steward.crm.interfaces.graphql.CrmConnections.ContactEdge;
import io.steward.crm.interfaces.graphql.CrmConnections.Contacts;
import io.steward.crm.interfaces.graphql.CrmConnections.DealEdge;
import io.steward.crm.interfaces.graphql.CrmConnections.Deals;
import io.steward.crm.interfaces.graphql.CrmConnections.InteractionEdge;
import io.steward.crm.interfaces.graphql.CrmConnections.Interactions;
import io.steward.crm.interfaces.graphql.CrmEnums.ContactOrder;
import io.steward.crm.interfaces.graphql.CrmEnums.DealOrder;
import io.steward.crm.interfaces.graphql.CrmEnums.DealStage;
import io.steward.crm.interfaces.graphql.CrmInputs.CompanyFilter;
import io.steward.crm.interfaces.graphql.CrmInputs.CompanyInput;
import io.steward.crm.interfaces.graphql.CrmInputs.ContactFilter;
import io.steward.crm.interfaces.graphql.CrmInputs.ContactInput;
import io.steward.crm.interfaces.graphql.CrmInputs.DealFilter;
import io.steward.crm.interfaces.graphql.CrmInputs.DealInput;
import io.steward.crm.interfaces.graphql.CrmInputs.InteractionInput;
import io.steward.shared.application.Paging;
import io.steward.shared.domain.Patch;
import io.steward.shared.domain.StewardException;
import io.steward.shared.interfaces.graphql.Enums;
import io.steward.shared.interfaces.graphql.Ids;
import io.steward.shared.interfaces.graphql.TranslatesFailures;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.interfaces.graphql.Batches;
import io.steward.tenancy.interfaces.graphql.Connections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/**
 * CRM data: companies, contacts, interactions and deals. Every operation names its workspace;
 * viewers read, members write, admins and owners also delete companies. Nested fields are loaded
 * for a whole page at once.
 */
@GraphQLApi
@ApplicationScoped
@TranslatesFailures
public class CrmGraphQL {

  private static final String WORKSPACE_ID = "workspaceId";

  @Inject CompanyService companies;
  @Inject ContactService contacts;
  @Inject DealService deals;

  // --- companies ---

  @Query
  @Description("Companies by name")
  public @NonNull Companies companies(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @Name("filter") CompanyFilter filter,
      @Name("first") @DefaultValue("20") @Description("Page size, 1 to 100") int first,
      @Name("after") @Description("Cursor of the last edge of the previous page") String after)
      throws StewardException {
    return Connections.of(
        companies.companies(
            workspace(workspaceId),
            filter == null ? null : filter.search(),
            Paging.request(first, after)),
        CompanyView::new,
        CompanyEdge::new,
        Companies::new);
  }

  @Query
  @Description("One company")
  public @NonNull CompanyView company(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId, @NonNull @Id @Name("id") String id)
      throws StewardException {
    return new CompanyView(companies.company(workspace(workspaceId), Ids.require("id", id), "id"));
  }

  @Mutation
  @Description("Records a company")
  public @NonNull CompanyView createCompany(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Name("input") CompanyInput input)
      throws StewardException {
    return new CompanyView(
        companies.create(workspace(workspaceId), input.name(), input.website(), input.industry()));
  }

  @Mutation
  @Description("Rewrites a company's details")
  public @NonNull CompanyView updateCompany(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Id @Name("id") String id,
      @NonNull @Name("version") Integer version,
      @NonNull @Name("input") CompanyInput input)
      throws StewardException {
    return new CompanyView(
        companies.update(
            workspace(workspaceId),
            Ids.require("id", id),
            version,
            CompanyUpdate.whole(input.name(), input.website(), input.industry())));
  }

  @Mutation
  @Description("Deletes a company no contact, deal or project refers to (admins and owners)")
  public boolean deleteCompany(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Id @Name("id") String id,
      @Name("version") Integer version)
      throws StewardException {
    companies.delete(workspace(workspaceId), Ids.require("id", id), version);
    return true;
  }

  @Description("The company's contacts, by name")
  public List<@NonNull List<@NonNull ContactView>> contacts(@Source List<CompanyView> companies)
      throws StewardException {
    return Batches.resolve(
        companies,
        c -> Batches.idOf(c.getId()),
        (workspace, ids) ->
            contacts.contactsOfCompanies(workspace, ids).entrySet().stream()
                .collect(
                    Collectors.toMap(
                        Map.Entry::getKey,
                        e -> e.getValue().stream().map(ContactView::new).toList())),
        List.of());
  }

  @Description("The company's deals that are neither won nor lost")
  public List<@NonNull List<@NonNull DealView>> openDeals(@Source List<CompanyView> companies)
      throws StewardException {
    return Batches.resolve(
        companies,
        c -> Batches.idOf(c.getId()),
        (workspace, ids) ->
            deals.openDealsOfCompanies(workspace, ids).entrySet().stream()
                .collect(
                    Collectors.toMap(
                        Map.Entry::getKey, e -> e.getValue().stream().map(DealView::new).toList())),
        List.of());
  }

  // --- contacts ---

  @Query
  @Description("Contacts matching a filter, in the chosen order")
  public @NonNull Contacts contacts(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @Name("filter") ContactFilter filter,
      @Name("orderBy") @DefaultValue("NAME") ContactOrder orderBy,
      @Name("first") @DefaultValue("20") @Description("Page size, 1 to 100") int first,
      @Name("after") @Description("Cursor of the last edge of the previous page") String after)
      throws StewardException {
    ContactFilter f = filter == null ? new ContactFilter(null, null, null, null) : filter;
    return Connections.of(
        contacts.contacts(
            workspace(workspaceId),
            new ContactQuery(
                Ids.parse("filter.companyId", f.companyId()),
                f.ownerId(),
                f.minLeadScore(),
                f.search(),
                Enums.convert(orderBy, ContactQuery.ContactOrder.class)),
            Paging.request(first, after)),
        ContactView::new,
        ContactEdge::new,
        Contacts::new);
  }

  @Query
  @Description("One contact")
  public @NonNull ContactView contact(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId, @NonNull @Id @Name("id") String id)
      throws StewardException {
    return new ContactView(contacts.contact(workspace(workspaceId), Ids.require("id", id), "id"));
  }

  @Mutation
  @Description("Records a contact; the owner must be a member")
  public @NonNull ContactView createContact(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Name("input") ContactInput input)
      throws StewardException {
    return new ContactView(
        contacts.create(workspace(workspaceId), details(input), input.ownerId()));
  }

  @Mutation
  @Description("Rewrites a contact's details")
  public @NonNull ContactView updateContact(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Id @Name("id") String id,
      @NonNull @Name("version") Integer version,
      @NonNull @Name("input") ContactInput input)
      throws StewardException {
    return new ContactView(
        contacts.update(
            workspace(workspaceId),
            Ids.require("id", id),
            version,
            ContactUpdate.whole(details(input)),
            Patch.set(input.ownerId())));
  }

  @Mutation
  @Description("Deletes a contact with its interactions; its deals stay, without the contact")
  public boolean deleteContact(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Id @Name("id") String id,
      @Name("version") Integer version)
      throws StewardException {
    contacts.delete(workspace(workspaceId), Ids.require("id", id), version);
    return true;
  }

  @Name("company")
  @Description("The company the contact works at")
  public List<CompanyView> companyOfContacts(@Source List<ContactView> contacts)
      throws StewardException {
    return Batches.resolve(
        contacts, c -> Batches.idOf(c.getCompanyId()), this::companiesById, null);
  }

  // --- interactions ---

  @Query
  @Description("Interactions, newest first")
  public @NonNull Interactions interactions(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @Id @Name("contactId") @Description("Only those with this contact") String contactId,
      @Name("first") @DefaultValue("20") @Description("Page size, 1 to 100") int first,
      @Name("after") @Description("Cursor of the last edge of the previous page") String after)
      throws StewardException {
    return Connections.of(
        contacts.interactions(
            workspace(workspaceId),
            Ids.parse("contactId", contactId),
            Paging.request(first, after)),
        InteractionView::new,
        InteractionEdge::new,
        Interactions::new);
  }

  @Query
  @Description("One interaction")
  public @NonNull InteractionView interaction(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId, @NonNull @Id @Name("id") String id)
      throws StewardException {
    return new InteractionView(contacts.interaction(workspace(workspaceId), Ids.require("id", id)));
  }

  @Mutation
  @Description("Logs a call, email, meeting or note with a contact")
  public @NonNull InteractionView logInteraction(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Id @Name("contactId") String contactId,
      @NonNull @Name("input") InteractionInput input)
      throws StewardException {
    return new InteractionView(
        contacts.logInteraction(
            workspace(workspaceId),
            Ids.require("contactId", contactId),
            Enums.convert(input.kind(), io.steward.crm.domain.InteractionKind.class),
            input.summary(),
            input.occurredAt() == null ? null : input.occurredAt().toInstant()));
  }

  @Mutation
  @Description("Corrects a logged interaction")
  public @NonNull InteractionView updateInteraction(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Id @Name("id") String id,
      @NonNull @Name("version") Integer version,
      @NonNull @Name("input") InteractionInput input)
      throws StewardException {
    return new InteractionView(
        contacts.updateInteraction(
            workspace(workspaceId),
            Ids.require("id", id),
            version,
            Enums.convert(input.kind(), io.steward.crm.domain.InteractionKind.class),
            input.summary(),
            input.occurredAt() == null ? null : input.occurredAt().toInstant()));
  }

  @Mutation
  @Description("Deletes a logged interaction")
  public boolean deleteInteraction(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Id @Name("id") String id,
      @Name("version") Integer version)
      throws StewardException {
    contacts.deleteInteraction(workspace(workspaceId), Ids.require("id", id), version);
    return true;
  }

  @Name("contact")
  @Description("The contact the interaction was with")
  public List<@NonNull ContactView> contactOfInteractions(
      @Source List<InteractionView> interactions) throws StewardException {
    return Batches.resolve(
        interactions, i -> Batches.idOf(i.getContactId()), this::contactsById, null);
  }

  // --- deals ---

  @Query
  @Description("Deals matching a filter, in the chosen order")
  public @NonNull Deals deals(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @Name("filter") DealFilter filter,
      @Name("orderBy") @DefaultValue("EXPECTED_CLOSE") DealOrder orderBy,
      @Name("first") @DefaultValue("20") @Description("Page size, 1 to 100") int first,
      @Name("after") @Description("Cursor of the last edge of the previous page") String after)
      throws StewardException {
    DealFilter f = filter == null ? new DealFilter(null, null, null, null, null) : filter;
    return Connections.of(
        deals.deals(
            workspace(workspaceId),
            new DealQuery(
                Ids.parse("filter.companyId", f.companyId()),
                Ids.parse("filter.contactId", f.contactId()),
                Enums.convertAll(f.stages(), io.steward.crm.domain.DealStage.class),
                f.closingBy(),
                f.search(),
                Enums.convert(orderBy, DealQuery.DealOrder.class)),
            Paging.request(first, after)),
        DealView::new,
        DealEdge::new,
        Deals::new);
  }

  @Query
  @Description("One deal")
  public @NonNull DealView deal(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId, @NonNull @Id @Name("id") String id)
      throws StewardException {
    return new DealView(deals.deal(workspace(workspaceId), Ids.require("id", id)));
  }

  @Mutation
  @Description("Opens a deal at the LEAD stage")
  public @NonNull DealView createDeal(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId, @NonNull @Name("input") DealInput input)
      throws StewardException {
    return new DealView(deals.create(workspace(workspaceId), terms(input)));
  }

  @Mutation
  @Description("Rewrites an open deal's terms")
  public @NonNull DealView updateDeal(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Id @Name("id") String id,
      @NonNull @Name("version") Integer version,
      @NonNull @Name("input") DealInput input)
      throws StewardException {
    return new DealView(
        deals.update(workspace(workspaceId), Ids.require("id", id), version, terms(input)));
  }

  @Mutation
  @Description("Moves an open deal to a stage; WON and LOST close it")
  public @NonNull DealView moveDealToStage(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Id @Name("id") String id,
      @Name("version") Integer version,
      @NonNull @Name("stage") DealStage stage)
      throws StewardException {
    return new DealView(
        deals.moveToStage(
            workspace(workspaceId),
            Ids.require("id", id),
            version,
            Enums.convert(stage, io.steward.crm.domain.DealStage.class)));
  }

  @Mutation
  @Description("Deletes a deal")
  public boolean deleteDeal(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Id @Name("id") String id,
      @Name("version") Integer version)
      throws StewardException {
    deals.delete(workspace(workspaceId), Ids.require("id", id), version);
    return true;
  }

  @Name("company")
  @Description("The company the deal is with")
  public List<@NonNull CompanyView> companyOfDeals(@Source List<DealView> deals)
      throws StewardException {
    return Batches.resolve(deals, d -> Batches.idOf(d.getCompanyId()), this::companiesById, null);
  }

  @Name("contact")
  @Description("The contact the deal is with")
  public List<ContactView> contactOfDeals(@Source List<DealView> deals) throws StewardException {
    return Batches.resolve(deals, d -> Batches.idOf(d.getContactId()), this::contactsById, null);
  }

  // --- helpers ---

  private Map<UUID, CompanyView> companiesById(WorkspaceId workspace, Collection<UUID> ids)
      throws StewardException {
    return Batches.byId(companies.companies(workspace, ids), Company::id, CompanyView::new);
  }

  private Map<UUID, ContactView> contactsById(WorkspaceId workspace, Collection<UUID> ids)
      throws StewardException {
    return Batches.byId(contacts.contacts(workspace, ids), Contact::id, ContactView::new);
  }

  private static WorkspaceId workspace(String workspaceId) throws StewardException {
    return WorkspaceId.parse(WORKSPACE_ID, workspaceId);
  }

  private static ContactDetails details(ContactInput input) throws StewardException {
    return new ContactDetails(
        input.name(),
        Ids.parse("companyId", input.companyId()),
        input.email(),
        input.phone(),
        input.leadScore());
  }

  private static DealTerms terms(DealInput input) throws StewardException {
    return new DealTerms(
        input.title(),
        Ids.require("companyId", input.companyId()),
        Ids.parse("contactId", input.contactId()),
        input.value(),
        input.currency(),
        input.expectedClose());
  }
}
