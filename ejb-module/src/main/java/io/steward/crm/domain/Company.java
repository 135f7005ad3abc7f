package io.steward.crm.domain;

import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.Text;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/** An organisation the workspace does business with. */
@Entity
@Table(name = "company")
public class Company extends WorkspaceRecord {

  public static final int NAME_MAX_LENGTH = 200;
  private static final int WEBSITE_MAX_LENGTH = 2000;

  @Column(nullable = false, length = NAME_MAX_LENGTH)
  private String name;

  private String website;

  private String industry;

  protected Company() {}

  private Company(WorkspaceId workspace) {
    super(workspace);
  }

  public static Company register(
      WorkspaceId workspace, String name, String website, String industry)
      throws InvalidInputException {
    Company company = new Company(workspace);
    company.write(name, website, industry);
    return company;
  }

  /** Takes the fields the update gives; the others keep their values. */
  public void revise(CompanyUpdate update) throws InvalidInputException {
    write(update.name().or(name), update.website().or(website), update.industry().or(industry));
  }

  private void write(String name, String website, String industry) throws InvalidInputException {
    this.name = Text.requireSingleLine("name", name, NAME_MAX_LENGTH);
    this.website = website(Text.optionalSingleLine("website", website, WEBSITE_MAX_LENGTH));
    this.industry = Text.optionalSingleLine("industry", industry, NAME_MAX_LENGTH);
  }

  private static String website(String text) throws InvalidInputException {
    if (text == null) {
      return null;
    }
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return text;
      }
    } catch (URISyntaxException e) {
      // falls through to the validation failure below
    }
    throw new InvalidInputException("website", "must be an http or https address");
  }

  public String name() {
    return name;
  }

  public String website() {
    return website;
  }

  public String industry() {
    return industry;
  }

  @Override
  public String label() {
    return name;
  }

  @Override
  public Map<String, Object> state() {
    return state(
        "name", name,
        "website", website,
        "industry", industry);
  }
}
