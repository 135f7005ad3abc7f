package io.steward.it;

import static io.steward.it.support.Records.nodes;
import static io.steward.it.support.Steward.errorCode;
import static io.steward.it.support.Steward.graphql;
import static io.steward.it.support.Steward.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.restassured.path.json.JsonPath;
import io.steward.it.support.Records;
import io.steward.it.support.Records.Team;
import io.steward.it.support.Steward;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Companies, contacts, interactions and deals through GraphQL, with real tokens. */
class CrmIT {

  private static Team team;

  @BeforeAll
  static void team() {
    team = Team.create("CRM");
  }

  @Test
  void should_show_companies_with_their_contacts_and_open_deals() {
    String company = Records.company(team.member(), team.ws(), "Zenith Labs");
    String ada = Records.contact(team.member(), team.ws(), "Ada Zenith", company);
    Records.contact(team.member(), team.ws(), "Bert Zenith", company);
    Records.deal(team.member(), team.ws(), company, "1000");
    String won = Records.deal(team.member(), team.ws(), company, "2500.50");
    moveDeal(won, "WON");
    Records.interaction(team.member(), team.ws(), ada, "Intro call");

    JsonPath json =
        ok(
            team.viewer(),
            "query($ws: ID!, $id: ID!) { company(workspaceId: $ws, id: $id) { name"
                + " contacts { name company { name } } openDeals { title value currency stage } } }",
            Map.of("ws", team.ws(), "id", company));
    assertEquals(List.of("Ada Zenith", "Bert Zenith"), json.getList("data.company.contacts.name"));
    assertEquals(
        List.of("Zenith Labs", "Zenith Labs"), json.getList("data.company.contacts.company.name"));
    assertEquals(List.of("Deal 1000"), json.getList("data.company.openDeals.title"));
    assertEquals(List.of("LEAD"), json.getList("data.company.openDeals.stage"));

    JsonPath interactions =
        ok(
            team.viewer(),
            "query($ws: ID!, $c: ID!) { interactions(workspaceId: $ws, contactId: $c) { totalCount"
                + " edges { node { kind summary contact { name } } } } }",
            Map.of("ws", team.ws(), "c", ada));
    assertEquals(1, interactions.getInt("data.interactions.totalCount"));
    assertEquals(List.of("Ada Zenith"), nodes(interactions, "interactions", "contact.name"));
  }

  @Test
  void should_close_deals_that_are_won_or_lost() {
    String company = Records.company(team.member(), team.ws(), "Closers");
    String deal = Records.deal(team.member(), team.ws(), company, "99.90");
    JsonPath negotiating = moveDeal(deal, "NEGOTIATION");
    assertNull(negotiating.get("data.moveDealToStage.closedAt"));
    JsonPath lost = moveDeal(deal, "LOST");
    assertNotNull(lost.get("data.moveDealToStage.closedAt"));
    assertEquals(
        "CONFLICT",
        errorCode(
            team.member(),
            "mutation($ws: ID!, $id: ID!) { moveDealToStage(workspaceId: $ws, id: $id, stage: WON) { id } }",
            Map.of("ws", team.ws(), "id", deal)));
    assertEquals(
        "CONFLICT",
        errorCode(
            team.member(),
            "mutation($ws: ID!, $id: ID!, $c: ID!) { updateDeal(workspaceId: $ws, id: $id, version: 2,"
                + " input: {title: \"Again\", companyId: $c, value: 1, currency: \"EUR\"}) { id } }",
            Map.of("ws", team.ws(), "id", deal, "c", company)));
    JsonPath open =
        ok(
            team.viewer(),
            "query($ws: ID!, $c: ID!) { deals(workspaceId: $ws, filter: {companyId: $c, stages: [LEAD,"
                + " QUALIFIED, PROPOSAL, NEGOTIATION]}) { totalCount } }",
            Map.of("ws", team.ws(), "c", company));
    assertEquals(0, open.getInt("data.deals.totalCount"));
  }

  @Test
  void should_name_the_field_and_rule_of_bad_crm_input() {
    String company = Records.company(team.member(), team.ws(), "Strict");
    String other = Records.company(team.member(), team.ws(), "Elsewhere");
    String stranger = Records.contact(team.member(), team.ws(), "Stranger", other);
    assertField("website", "Company", Map.of("name", "Bad site", "website", "ftp://x"));
    assertField("email", "Contact", Map.of("name", "No mail", "email", "not-an-email"));
    assertField("leadScore", "Contact", Map.of("name", "Hot", "leadScore", 101));
    assertField("phone", "Contact", Map.of("name", "Phony", "phone", "call me"));
    assertField("name", "Contact", Map.of("name", "x".repeat(201)));
    assertField("currency", "Deal", deal(company, "10", "EURO", null));
    assertField("value", "Deal", deal(company, "10.001", "EUR", null));
    assertField("value", "Deal", deal(company, "-1", "EUR", null));
    assertField("contactId", "Deal", deal(company, "10", "EUR", stranger));
    assertEquals(
        "NOT_FOUND",
        errorCode(
            team.member(),
            "mutation($ws: ID!, $input: DealInput!) { createDeal(workspaceId: $ws, input: $input) { id } }",
            Map.of(
                "ws",
                team.ws(),
                "input",
                deal(java.util.UUID.randomUUID().toString(), "1", "EUR", null))));
  }

  @Test
  void should_keep_companies_that_records_refer_to() {
    String company = Records.company(team.member(), team.ws(), "Referenced");
    String contact = Records.contact(team.member(), team.ws(), "Still here", company);
    Records.interaction(team.member(), team.ws(), contact, "Will go with the contact");
    String deal =
        Records.create(team.member(), team.ws(), "Deal", deal(company, "5", "EUR", contact));
    String deleteCompany =
        "mutation($ws: ID!, $id: ID!) { deleteCompany(workspaceId: $ws, id: $id) }";
    Map<String, Object> ids = Map.of("ws", team.ws(), "id", company);
    assertEquals("FORBIDDEN", errorCode(team.member(), deleteCompany, ids));
    assertEquals("CONFLICT", errorCode(team.owner(), deleteCompany, ids));

    ok(
        team.member(),
        "mutation($ws: ID!, $id: ID!) { deleteContact(workspaceId: $ws, id: $id) }",
        Map.of("ws", team.ws(), "id", contact));
    JsonPath after =
        ok(
            team.viewer(),
            "query($ws: ID!, $d: ID!, $c: ID!) { deal(workspaceId: $ws, id: $d) { contact { id } }"
                + " interactions(workspaceId: $ws, contactId: $c) { totalCount } }",
            Map.of("ws", team.ws(), "d", deal, "c", contact));
    assertNull(after.get("data.deal.contact"), "the deal stays, without the contact");
    assertEquals(0, after.getInt("data.interactions.totalCount"), "interactions went with it");
  }

  @Test
  void should_filter_and_sort_contacts_and_deals() {
    Team own = Team.create("Contacts");
    String erin = Steward.userId("erin");
    Map<String, Object> hot = new HashMap<>(Map.of("name", "Hot Lead", "leadScore", 90));
    hot.put("ownerId", erin);
    hot.put("email", "Hot@Example.COM");
    Records.create(own.member(), own.ws(), "Contact", hot);
    Records.create(own.member(), own.ws(), "Contact", Map.of("name", "Cold Lead", "leadScore", 10));
    assertEquals(List.of("Hot Lead"), contactNames(own, Map.of("ownerId", erin)));
    assertEquals(List.of("Hot Lead"), contactNames(own, Map.of("minLeadScore", 50)));
    assertEquals(List.of("Hot Lead"), contactNames(own, Map.of("search", "hot@example")));
    assertEquals(List.of("Cold Lead", "Hot Lead"), contactNames(own, Map.of()));
    assertEquals(
        List.of("Hot Lead", "Cold Lead"),
        nodes(
            ok(
                own.viewer(),
                "query($ws: ID!) { contacts(workspaceId: $ws, orderBy: LEAD_SCORE) { edges {"
                    + " node { name } } } }",
                Map.of("ws", own.ws())),
            "contacts",
            "name"));
    String company = Records.company(own.member(), own.ws(), "Buyer");
    for (String value : List.of("5", "500", "50")) {
      Records.deal(own.member(), own.ws(), company, value);
    }
    assertEquals(
        List.of("Deal 500", "Deal 50", "Deal 5"),
        nodes(
            ok(
                own.viewer(),
                "query($ws: ID!) { deals(workspaceId: $ws, orderBy: VALUE) { edges { node { title"
                    + " } } } }",
                Map.of("ws", own.ws())),
            "deals",
            "title"));
    assertEquals(
        "VALIDATION",
        errorCode(
            own.member(),
            "mutation($ws: ID!, $u: ID!) { createContact(workspaceId: $ws, input: {name: \"X\","
                + " ownerId: $u}) { id } }",
            Map.of("ws", own.ws(), "u", Steward.userId("carol"))),
        "owners must be members");
  }

  private JsonPath moveDeal(String deal, String stage) {
    return ok(
        team.member(),
        "mutation($ws: ID!, $id: ID!, $s: DealStage!) { moveDealToStage(workspaceId: $ws, id: $id,"
            + " stage: $s) { stage closedAt version } }",
        Map.of("ws", team.ws(), "id", deal, "s", stage));
  }

  private static Map<String, Object> deal(
      String company, String value, String currency, String contact) {
    Map<String, Object> input =
        new HashMap<>(
            Map.of("title", "Checked", "companyId", company, "value", value, "currency", currency));
    input.put("contactId", contact);
    return input;
  }

  private void assertField(String field, String type, Map<String, Object> input) {
    JsonPath error =
        graphql(
                team.member(),
                "mutation($ws: ID!, $input: "
                    + type
                    + "Input!) { create"
                    + type
                    + "(workspaceId: $ws, input: $input) { id } }",
                Map.of("ws", team.ws(), "input", input))
            .jsonPath();
    assertEquals("VALIDATION", error.getString("errors[0].extensions.code"), error.prettify());
    assertEquals(field, error.getString("errors[0].extensions.field"), error.prettify());
  }

  private static List<String> contactNames(Team own, Map<String, Object> filter) {
    return nodes(
        ok(
            own.viewer(),
            "query($ws: ID!, $f: ContactFilter) { contacts(workspaceId: $ws, filter: $f) { edges {"
                + " node { name } } } }",
            Map.of("ws", own.ws(), "f", filter)),
        "contacts",
        "name");
  }
}
