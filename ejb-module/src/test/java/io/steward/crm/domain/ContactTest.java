package io.steward.crm.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.Patch;
import io.steward.tenancy.domain.WorkspaceId;
import org.junit.jupiter.api.Test;

class ContactTest {

  @Test
  void should_keep_emails_in_lower_case() throws Exception {
    Contact contact =
        Contact.add(WorkspaceId.generate(), details("Nora@Example.COM", null, 80), null);
    assertEquals("nora@example.com", contact.email());
  }

  @Test
  void should_name_the_field_of_bad_contact_details() {
    assertEquals("email", refused(details("nora.example.com", null, null)));
    assertEquals("phone", refused(details(null, "ring ring", null)));
    assertEquals("leadScore", refused(details(null, null, -1)));
    assertEquals("leadScore", refused(details(null, null, 101)));
  }

  @Test
  void should_take_the_details_an_update_gives_and_keep_the_others() throws Exception {
    Contact contact =
        Contact.add(WorkspaceId.generate(), details("nora@example.com", "+49 30 1234", 80), null);
    contact.revise(
        new ContactUpdate(
            Patch.keep(), Patch.keep(), Patch.set("NL@Example.com"), Patch.set(null), Patch.keep()),
        null);
    assertEquals("Nora", contact.name());
    assertEquals("nl@example.com", contact.email());
    assertNull(contact.phone(), "a phone given as null is cleared");
    assertEquals(80, contact.leadScore());
  }

  @Test
  void should_check_the_details_an_update_gives_as_new_ones() {
    assertThrows(
        InvalidInputException.class,
        () ->
            Contact.add(WorkspaceId.generate(), details(null, null, null), null)
                .revise(
                    new ContactUpdate(
                        Patch.set(null), Patch.keep(), Patch.keep(), Patch.keep(), Patch.keep()),
                    null));
  }

  private static String refused(ContactDetails details) {
    return assertThrows(
            InvalidInputException.class, () -> Contact.add(WorkspaceId.generate(), details, null))
        .field();
  }

  private static ContactDetails details(String email, String phone, Integer leadScore) {
    return new ContactDetails("Nora", null, email, phone, leadScore);
  }
}
