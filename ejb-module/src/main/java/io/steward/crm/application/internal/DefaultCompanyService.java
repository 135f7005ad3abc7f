package io.steward.crm.application.internal;

import io.steward.crm.application.CompanyService;
import io.steward.crm.domain.Company;
import io.steward.crm.domain.CompanyUpdate;
import io.steward.crm.domain.Company_;
import io.steward.shared.application.Paging.PageRequest;
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
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@Stateless
public class DefaultCompanyService implements CompanyService {

  @Inject WorkspaceAccess access;
  @Inject WorkspaceRecords records;
  @Inject RecordChanges changes;

  @Override
  public RecordPage<Company> companies(WorkspaceId workspace, String search, PageRequest page)
      throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    return records.page(
        Company.class,
        workspace,
        RecordFilter.where()
            .containsText(search, Company_.NAME, Company_.INDUSTRY, Company_.WEBSITE),
        List.of(RecordOrder.ascending(Company_.NAME)),
        page.offset(),
        page.limit());
  }

  @Override
  public Company company(WorkspaceId workspace, UUID id, String field) throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    return changes.find(Company.class, workspace, id, field);
  }

  @Override
  public List<Company> companies(WorkspaceId workspace, Collection<UUID> ids)
      throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    return records.findAll(Company.class, workspace, ids);
  }

  @Override
  public Company create(WorkspaceId workspace, String name, String website, String industry)
      throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    return changes.add(Company.register(workspace, name, website, industry), "companyWasCreated");
  }

  @Override
  public Company update(WorkspaceId workspace, UUID id, Integer version, CompanyUpdate update)
      throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    return changes.change(
        company(workspace, id, "id"), version, "companyWasUpdated", c -> c.revise(update));
  }

  @Override
  public void delete(WorkspaceId workspace, UUID id, Integer version) throws StewardException {
    access.require(workspace, WorkspaceRole.ADMIN);
    changes.remove(company(workspace, id, "id"), version, "companyWasDeleted");
  }
}
