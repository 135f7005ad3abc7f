package io.steward.crm.agent;

import io.steward.agent.spi.RecordReference;
import io.steward.crm.application.CompanyService;
import io.steward.crm.domain.Company;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** A tool argument naming a company by id or name. */
@ApplicationScoped
public class CompanyReference extends RecordReference<Company> {

  @Inject CompanyService companies;

  public CompanyReference() {
    super(Company.class);
  }

  @Override
  protected List<Company> candidates(WorkspaceId workspace, String text) throws StewardException {
    return companies.companies(workspace, text, CANDIDATES).items();
  }
}
