package io.steward.crm.interfaces.graphql;

import io.steward.crm.domain.Contact;
import io.steward.tenancy.interfaces.graphql.RecordView;
import io.steward.workspace.interfaces.graphql.PersonView;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("Contact")
public class ContactView extends RecordView {

  private final String name;
  private final String companyId;
  private final String email;
  private final String phone;
  private final Integer leadScore;
  private final PersonView owner;

  ContactView(Contact contact) {
    super(contact);
    this.name = contact.name();
    this.companyId = contact.companyId() == null ? null : contact.companyId().toString();
    this.email = contact.email();
    this.phone = contact.phone();
    this.leadScore = contact.leadScore();
    this.owner = PersonView.of(contact.owner());
  }

  public @NonNull String getName() {
    return name;
  }

  public @Id String getCompanyId() {
    return companyId;
  }

  public String getEmail() {
    return email;
  }

  public String getPhone() {
    return phone;
  }

  @Description("0 (cold) to 100 (ready to buy)")
  public Integer getLeadScore() {
    return leadScore;
  }

  @Description("The member who looks after the contact")
  public PersonView getOwner() {
    return owner;
  }
}
