package io.steward.crm.application.internal;

import io.steward.crm.application.CompanyService;
import io.steward.crm.application.ContactQuery;
import io.steward.crm.application.ContactQuery.ContactOrder;
import io.steward.crm.application.ContactService;
import io.steward.crm.domain.Contact;
import io.steward.crm.domain.ContactDetails;
import io.steward.crm.domain.ContactUpdate;
import io.steward.crm.domain.Contact_;
import io.steward.crm.domain.Interaction;
import io.steward.crm.domain.InteractionKind;
import io.steward.crm.domain.Interaction_;
import io.steward.shared.application.Paging.PageRequest;
import io.steward.shared.domain.Patch;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.application.RecordChanges;
import io.steward.tenancy.application.WorkspaceAccess;
import io.steward.tenancy.domain.Person;
import io.steward.tenancy.domain.Person_;
import io.steward.tenancy.domain.RecordFilter;
import io.steward.tenancy.domain.RecordOrder;
import io.steward.tenancy.domain.RecordPage;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRecords;
import io.steward.tenancy.domain.WorkspaceRole;
import io.steward.workspace.application.WorkspacePeople;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@Stateless
public class DefaultContactService implements ContactService {

  @Inject WorkspaceAccess access;
  @Inject WorkspaceRecords records;
  @Inject RecordChanges changes;
  @Inject WorkspacePeople people;
  @Inject CompanyService companies;

  @Override
  public RecordPage<Contact> contacts(WorkspaceId workspace, ContactQuery query, PageRequest page)
      throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    RecordFilter filter =
        RecordFilter.where()
            .equal(Contact_.COMPANY_ID, query.companyId())
            .equal(Contact_.OWNER + "." + Person_.USER_ID, query.ownerId())
            .atLeast(Contact_.LEAD_SCORE, query.minLeadScore())
            .containsText(query.search(), Contact_.NAME, Contact_.EMAIL);
    List<RecordOrder> sorting =
        switch (query.order() == null ? ContactOrder.NAME : query.order()) {
          case NAME -> List.of(RecordOrder.ascending(Contact_.NAME));
          case LEAD_SCORE ->
              List.of(
                  RecordOrder.descending(Contact_.LEAD_SCORE),
                  RecordOrder.ascending(Contact_.NAME));
          case RECENTLY_UPDATED -> List.of(RecordOrder.descending(Contact_.UPDATED_AT));
        };
    return records.page(Contact.class, workspace, filter, sorting, page.offset(), page.limit());
  }

  @Override
  public Contact contact(WorkspaceId workspace, UUID id, String field) throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    return changes.find(Contact.class, workspace, id, field);
  }

  @Override
  public List<Contact> contacts(WorkspaceId workspace, Collection<UUID> ids)
      throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    return records.findAll(Contact.class, workspace, ids);
  }

  @Override
  public Map<UUID, List<Contact>> contactsOfCompanies(
      WorkspaceId workspace, Collection<UUID> companyIds) throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    return records
        .list(
            Contact.class,
            workspace,
            RecordFilter.where().in(Contact_.COMPANY_ID, companyIds),
            List.of(RecordOrder.ascending(Contact_.NAME)))
        .stream()
        .collect(Collectors.groupingBy(Contact::companyId));
  }

  @Override
  public Contact create(WorkspaceId workspace, ContactDetails details, String ownerId)
      throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    requireCompany(workspace, details.companyId());
    return changes.add(
        Contact.add(workspace, details, owner(workspace, ownerId)), "contactWasCreated");
  }

  @Override
  public Contact update(
      WorkspaceId workspace, UUID id, Integer version, ContactUpdate update, Patch<String> ownerId)
      throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    Contact contact = contact(workspace, id, "id");
    requireCompany(workspace, update.companyId().or(contact.companyId()));
    // A kept owner is looked up again, like a given one: they must still be a member.
    Person current = contact.owner();
    Person owner = owner(workspace, ownerId.or(current == null ? null : current.userId()));
    return changes.change(contact, version, "contactWasUpdated", c -> c.revise(update, owner));
  }

  @Override
  public void delete(WorkspaceId workspace, UUID id, Integer version) throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    changes.remove(contact(workspace, id, "id"), version, "contactWasDeleted");
  }

  @Override
  public RecordPage<Interaction> interactions(
      WorkspaceId workspace, UUID contactId, PageRequest page) throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    return records.page(
        Interaction.class,
        workspace,
        RecordFilter.where().equal(Interaction_.CONTACT_ID, contactId),
        List.of(RecordOrder.descending(Interaction_.OCCURRED_AT)),
        page.offset(),
        page.limit());
  }

  @Override
  public Interaction interaction(WorkspaceId workspace, UUID id) throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    return loadInteraction(workspace, id);
  }

  @Override
  public Interaction logInteraction(
      WorkspaceId workspace,
      UUID contactId,
      InteractionKind kind,
      String summary,
      Instant occurredAt)
      throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    contact(workspace, contactId, "contactId");
    return changes.add(
        Interaction.log(workspace, contactId, kind, summary, occurredAt), "interactionWasLogged");
  }

  @Override
  public Interaction updateInteraction(
      WorkspaceId workspace,
      UUID id,
      Integer version,
      InteractionKind kind,
      String summary,
      Instant occurredAt)
      throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    return changes.change(
        loadInteraction(workspace, id),
        version,
        "interactionWasUpdated",
        i -> i.revise(kind, summary, occurredAt));
  }

  @Override
  public void deleteInteraction(WorkspaceId workspace, UUID id, Integer version)
      throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    changes.remove(loadInteraction(workspace, id), version, "interactionWasDeleted");
  }

  private Interaction loadInteraction(WorkspaceId workspace, UUID id) throws StewardException {
    return changes.find(Interaction.class, workspace, id, "id");
  }

  private Person owner(WorkspaceId workspace, String ownerId) throws StewardException {
    return ownerId == null ? null : people.member(workspace, ownerId, "ownerId");
  }

  private void requireCompany(WorkspaceId workspace, UUID companyId) throws StewardException {
    if (companyId != null) {
      companies.company(workspace, companyId, "companyId");
    }
  }
}
