package io.steward.crm.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.steward.shared.domain.Patch;
import io.steward.tenancy.domain.WorkspaceId;
import org.junit.jupiter.api.Test;

class CompanyTest {

  @Test
  void should_take_the_fields_an_update_gives_and_keep_the_others() throws Exception {
    Company company =
        Company.register(WorkspaceId.generate(), "Initech", "https://initech.example", "Software");
    company.revise(
        new CompanyUpdate(Patch.keep(), Patch.set(null), Patch.set("Enterprise software")));
    assertEquals("Initech", company.name());
    assertNull(company.website(), "a website given as null is cleared");
    assertEquals("Enterprise software", company.industry());
  }

  @Test
  void should_take_every_field_of_a_whole_update() throws Exception {
    Company company =
        Company.register(WorkspaceId.generate(), "Initech", "https://initech.example", "Software");
    company.revise(CompanyUpdate.whole("Initrode", null, null));
    assertEquals("Initrode", company.name());
    assertNull(company.website());
    assertNull(company.industry());
  }
}
