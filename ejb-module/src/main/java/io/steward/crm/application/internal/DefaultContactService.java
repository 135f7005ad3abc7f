package io.steward.crm.application.internal;

import io.steward.crm.application.CompanyService;
import io.steward.crm.application.ContactQuery;
import io.steward.crm.application.ContactQuery.ContactOrder;
import io.steward.crm.application.ContactService;
import io.steward.crm.domain.Contact;
import io.steward.crm.domain.ContactDetails;
import io.steward.crm.domain.ContactUpdate;
import io.steward.crm.domain.Interaction;
import io.steward.crm.domain.InteractionKind;
import io.steward.shared.application.Paging.PageRequest;
import io.steward.shared.domain.Patch;
import io.steward.shared.domain.StewardException;
import io.steward.workspace.application.RecordChanges;
import io.steward.workspace.application.WorkspaceAccess;
import io.steward.workspace.application.WorkspacePeople;
import io.steward.workspace.domain.Person;
import io.steward.workspace.domain.RecordFilter;
import io.steward.workspace.domain.RecordOrder;
import io.steward.workspace.domain.RecordPage;
import io.steward.workspace.domain.WorkspaceId;
import io.steward.workspace.domain.WorkspaceRecords;
import io.steward.workspace.domain.WorkspaceRole;
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
            .equal("companyId", query.companyId())
            .equal("owner.userId", query.ownerId())
            .atLeast("leadScore", query.minLeadScore())
            .containsText(query.search(), "name", "email");
    List<RecordOrder> sorting =
        switch (query.order() == null ? ContactOrder.NAME : query.order()) {
          case NAME -> List.of(RecordOrder.ascending("name"));
          case LEAD_SCORE ->
              List.of(RecordOrder.descending("leadScore"), RecordOrder.ascending("name"));
          case RECENTLY_UPDATED -> List.of(RecordOrder.descending("updatedAt"));
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
            RecordFilter.where().in("companyId", companyIds),
            List.of(RecordOrder.ascending("name")))
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
        RecordFilter.where().equal("contactId", contactId),
        List.of(RecordOrder.descending("occurredAt")),
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
