package io.steward.crm.interfaces.graphql;

import io.steward.crm.domain.Company;
import io.steward.tenancy.interfaces.graphql.RecordView;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("Company")
public class CompanyView extends RecordView {

  private final String name;
  private final String website;
  private final String industry;

  public CompanyView(Company company) {
    super(company);
    this.name = company.name();
    this.website = company.website();
    this.industry = company.industry();
  }

  public @NonNull String getName() {
    return name;
  }

  public String getWebsite() {
    return website;
  }

  public String getIndustry() {
    return industry;
  }
}
