package io.steward.crm.agent;

import io.steward.agent.spi.RecordReference;
import io.steward.crm.application.ContactQuery;
import io.steward.crm.application.ContactService;
import io.steward.crm.domain.Contact;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** A tool argument naming a contact by id or name. */
@ApplicationScoped
public class ContactReference extends RecordReference<Contact> {

  @Inject ContactService contacts;

  public ContactReference() {
    super(Contact.class);
  }

  @Override
  protected List<Contact> candidates(WorkspaceId workspace, String text) throws StewardException {
    return contacts.contacts(workspace, ContactQuery.matching(text), CANDIDATES).items();
  }
}
