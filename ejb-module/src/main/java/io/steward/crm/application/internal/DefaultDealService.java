package io.steward.crm.application.internal;

import io.steward.crm.application.CompanyService;
import io.steward.crm.application.ContactService;
import io.steward.crm.application.DealQuery;
import io.steward.crm.application.DealQuery.DealOrder;
import io.steward.crm.application.DealService;
import io.steward.crm.domain.Contact;
import io.steward.crm.domain.Deal;
import io.steward.crm.domain.DealStage;
import io.steward.crm.domain.DealTerms;
import io.steward.crm.domain.Deal_;
import io.steward.shared.application.Paging.PageRequest;
import io.steward.shared.domain.Dates;
import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.application.RecordChanges;
import io.steward.tenancy.application.WorkspaceAccess;
import io.steward.tenancy.domain.RecordFilter;
import io.steward.tenancy.domain.RecordOrder;
import io.steward.tenancy.domain.RecordPage;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRecords;
import io.steward.tenancy.domain.WorkspaceRole;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

@Stateless
public class DefaultDealService implements DealService {

  private static final List<RecordOrder> BY_EXPECTED_CLOSE =
      List.of(RecordOrder.ascending(Deal_.EXPECTED_CLOSE), RecordOrder.ascending(Deal_.TITLE));

  @Inject WorkspaceAccess access;
  @Inject WorkspaceRecords records;
  @Inject RecordChanges changes;
  @Inject CompanyService companies;
  @Inject ContactService contacts;

  @Override
  public RecordPage<Deal> deals(WorkspaceId workspace, DealQuery query, PageRequest page)
      throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    RecordFilter filter =
        RecordFilter.where()
            .equal(Deal_.COMPANY_ID, query.companyId())
            .equal(Deal_.CONTACT_ID, query.contactId())
            .in(Deal_.STAGE, query.stages())
            .atMost(Deal_.EXPECTED_CLOSE, Dates.inRange("filter.closingBy", query.closingBy()))
            .containsText(query.search(), Deal_.TITLE);
    List<RecordOrder> sorting =
        switch (query.order() == null ? DealOrder.EXPECTED_CLOSE : query.order()) {
          case EXPECTED_CLOSE -> BY_EXPECTED_CLOSE;
          case VALUE ->
              List.of(RecordOrder.descending(Deal_.VALUE), RecordOrder.ascending(Deal_.TITLE));
          case RECENTLY_UPDATED -> List.of(RecordOrder.descending(Deal_.UPDATED_AT));
        };
    return records.page(Deal.class, workspace, filter, sorting, page.offset(), page.limit());
  }

  @Override
  public Deal deal(WorkspaceId workspace, UUID id) throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    return changes.find(Deal.class, workspace, id, "id");
  }

  @Override
  public Map<UUID, List<Deal>> openDealsOfCompanies(
      WorkspaceId workspace, Collection<UUID> companyIds) throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    return records
        .list(
            Deal.class,
            workspace,
            RecordFilter.where().in(Deal_.COMPANY_ID, companyIds).in(Deal_.STAGE, DealStage.open()),
            BY_EXPECTED_CLOSE)
        .stream()
        .collect(Collectors.groupingBy(Deal::companyId));
  }

  @Override
  public Deal create(WorkspaceId workspace, DealTerms terms) throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    Deal deal = Deal.open(workspace, terms);
    requireParties(workspace, terms);
    return changes.add(deal, "dealWasOpened");
  }

  @Override
  public Deal update(WorkspaceId workspace, UUID id, Integer version, DealTerms terms)
      throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    Deal deal = deal(workspace, id);
    requireParties(workspace, terms);
    return changes.change(deal, version, "dealWasUpdated", d -> d.revise(terms));
  }

  @Override
  public Deal moveToStage(WorkspaceId workspace, UUID id, Integer version, DealStage stage)
      throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    if (stage == null) {
      throw new InvalidInputException("stage", "must be given");
    }
    return changes.change(
        deal(workspace, id),
        version,
        "dealStageWasChanged",
        d -> d.moveTo(stage, Instant.now(Clock.systemUTC())));
  }

  @Override
  public void delete(WorkspaceId workspace, UUID id, Integer version) throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    changes.remove(deal(workspace, id), version, "dealWasDeleted");
  }

  /** The company must exist, and the contact (if any) must work there. */
  private void requireParties(WorkspaceId workspace, DealTerms terms) throws StewardException {
    if (terms.companyId() == null) {
      throw new InvalidInputException("companyId", "a deal needs a company");
    }
    companies.company(workspace, terms.companyId(), "companyId");
    if (terms.contactId() != null) {
      Contact contact = contacts.contact(workspace, terms.contactId(), "contactId");
      if (!Objects.equals(contact.companyId(), terms.companyId())) {
        throw new InvalidInputException("contactId", "must be a contact of the deal's company");
      }
    }
  }
}
