package io.steward.crm.agent;

import io.steward.agent.spi.Agent;
import io.steward.agent.spi.AgentTool;
import io.steward.agent.spi.EntityRef;
import io.steward.agent.spi.ToolArguments;
import io.steward.agent.spi.ToolOutcome;
import io.steward.crm.application.CompanyService;
import io.steward.crm.application.ContactQuery;
import io.steward.crm.application.ContactService;
import io.steward.crm.application.DealQuery;
import io.steward.crm.application.DealService;
import io.steward.crm.domain.Company;
import io.steward.crm.domain.CompanyUpdate;
import io.steward.crm.domain.Contact;
import io.steward.crm.domain.ContactDetails;
import io.steward.crm.domain.ContactUpdate;
import io.steward.crm.domain.Deal;
import io.steward.crm.domain.DealStage;
import io.steward.crm.domain.Interaction;
import io.steward.crm.domain.InteractionKind;
import io.steward.shared.application.Paging;
import io.steward.shared.application.Paging.PageRequest;
import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.Patch;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRecord;
import io.steward.workspace.application.WorkspaceService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The CRM assistant: finds companies, contacts and deals, keeps companies and contacts up to date,
 * logs interactions with contacts and moves deals through the pipeline.
 */
@ApplicationScoped
public class CrmAssistant implements Agent {

  /** The kinds of record {@code crm_search} looks for. */
  enum SearchKind {
    COMPANY,
    CONTACT,
    DEAL
  }

  private static final int SEARCH_LIMIT = 20;
  private static final PageRequest SEARCHED = new PageRequest(0, SEARCH_LIMIT);
  private static final PageRequest ALL = new PageRequest(0, Paging.MAX_PAGE_SIZE);

  @Inject CompanyService companies;
  @Inject ContactService contacts;
  @Inject DealService deals;
  @Inject WorkspaceService workspaces;
  @Inject CompanyReference companyReference;
  @Inject ContactReference contactReference;

  private List<AgentTool> tools;

  @PostConstruct
  void buildTools() {
    tools =
        List.of(
            AgentTool.reading("crm_search")
                .description(
                    "Searches the CRM: companies by name, industry or website; contacts by name or"
                        + " email, and the contacts of the companies found; deals by title. Lists"
                        + " up to 20 of each kind.")
                .requiredText("query", "The text to look for, e.g. part of a name")
                .textList("kinds", "Which of company, contact and deal to look for; all by default")
                .handler(this::search),
            AgentTool.creating("create_company", Company.class)
                .description("Adds a company the workspace does business with.")
                .requiredText("name", "The company's name")
                .text("website", "Its website, an http or https address")
                .text("industry", "Its industry, e.g. Retail")
                .handler(this::createCompany),
            AgentTool.updating("update_company", Company.class, "companyId")
                .description(
                    "Changes a company's name, website or industry; fields left out keep their"
                        + " values.")
                .requiredText("companyId", "The company's id")
                .version()
                .text("name", "New name")
                .text("website", "New website, an http or https address")
                .text("industry", "New industry")
                .handler(this::updateCompany),
            AgentTool.creating("create_contact", Contact.class)
                .description("Adds a contact person, optionally working at a company.")
                .requiredText("name", "The person's full name")
                .text("company", "The id or name of the company they work at")
                .text("email", "Email address")
                .text("phone", "Phone number")
                .integer("leadScore", "How ready to buy, 0 (cold) to 100")
                .text("ownerId", "User id of the workspace member who looks after the contact")
                .handler(this::createContact),
            AgentTool.updating("update_contact", Contact.class, "contactId")
                .description(
                    "Changes a contact's name, company, email, phone, lead score or owner; fields"
                        + " left out keep their values.")
                .requiredText("contactId", "The contact's id")
                .version()
                .text("name", "New full name")
                .text("company", "The id or name of the company they now work at")
                .text("email", "New email address")
                .text("phone", "New phone number")
                .integer("leadScore", "New lead score, 0 (cold) to 100")
                .text("ownerId", "User id of the member who now looks after the contact")
                .handler(this::updateContact),
            AgentTool.reading("list_interactions")
                .description("Lists interactions (calls, emails, meetings, notes), newest first.")
                .text("contact", "Only those with this contact, by id or name")
                .handler(this::listInteractions),
            AgentTool.creating("log_interaction", Interaction.class)
                .description("Records a call, email, meeting or note with a contact.")
                .requiredText("contact", "The contact's id or name")
                .requiredChoice("kind", "What kind of interaction it was", InteractionKind.class)
                .requiredText("summary", "What was said or agreed, in Markdown")
                .text(
                    "occurredAt",
                    "When it happened: an ISO date-time such as 2026-11-20T14:30 (local time of"
                        + " the workspace unless it has an offset) or a date; now by default")
                .handler(this::logInteraction),
            AgentTool.reading("list_deals")
                .description(
                    "Lists deals, soonest expected close first, optionally in one stage or with"
                        + " one company.")
                .choice("stage", "Only deals in this stage", DealStage.class)
                .text("company", "The company's id or name")
                .handler(this::listDeals),
            AgentTool.updating("move_deal", Deal.class, "dealId")
                .description(
                    "Moves a deal to another pipeline stage; won and lost close it for good.")
                .requiredText("dealId", "The deal's id")
                .requiredChoice("stage", "The stage it moves to", DealStage.class)
                .version()
                .handler(this::moveDeal));
  }

  @Override
  public Profile profile() {
    return new Profile(
        "crm",
        "Works with customers: finds companies, contacts and deals, adds and updates companies"
            + " and contacts, logs calls, emails and meetings, and moves deals through the sales"
            + " pipeline.",
        List.of(
            "Find everything we have on Northwind",
            "Who is our contact at Globex and what is her email?",
            "Add the company Acme Robotics, website https://acme-robotics.example, industry Robotics",
            "Add Jane Doe from Initech as a contact, email jane.doe@initech.example",
            "Update Tom Berger's phone number to +49 30 1234567",
            "Log a call with Nora Lind: she approved the proposal",
            "Log a meeting with Tom Berger about the contract renewal",
            "Log an email to Greta Hansen regarding the overdue invoice",
            "Find the people we know at Northwind",
            "Look up Globex Corporation",
            "How much is our open sales pipeline worth?",
            "What was our last interaction with Greta Hansen?",
            "Which deals are in negotiation?",
            "Move the Brand refresh deal to won",
            "Change Initech's industry to Enterprise software"));
  }

  @Override
  public List<AgentTool> tools() {
    return tools;
  }

  private ToolOutcome search(ToolArguments arguments) throws StewardException {
    WorkspaceId workspace = arguments.workspace();
    String query = arguments.requiredText("query");
    Set<SearchKind> kinds = searchKinds(arguments.textList("kinds"));
    List<Company> companiesFound =
        kinds.contains(SearchKind.COMPANY) || kinds.contains(SearchKind.CONTACT)
            ? companies.companies(workspace, query, SEARCHED).items()
            : List.of();
    Map<String, List<? extends WorkspaceRecord>> found = new LinkedHashMap<>();
    if (kinds.contains(SearchKind.COMPANY)) {
      found.put("companies", companiesFound);
    }
    if (kinds.contains(SearchKind.CONTACT)) {
      found.put("contacts", contactsFound(workspace, query, companiesFound));
    }
    if (kinds.contains(SearchKind.DEAL)) {
      found.put("deals", deals.deals(workspace, DealQuery.all().matching(query), SEARCHED).items());
    }
    Map<String, Object> content = new LinkedHashMap<>();
    List<EntityRef> entities = new ArrayList<>();
    found.forEach(
        (kind, records) -> {
          content.put(kind, records.stream().map(ToolOutcome::describe).toList());
          records.forEach(record -> entities.add(ToolOutcome.refOf(record)));
        });
    return ToolOutcome.ofValue(content, entities);
  }

  /** The kinds a search asks for: all when none are named. */
  static Set<SearchKind> searchKinds(List<String> names) throws InvalidInputException {
    if (names == null || names.isEmpty()) {
      return EnumSet.allOf(SearchKind.class);
    }
    Set<SearchKind> kinds = EnumSet.noneOf(SearchKind.class);
    for (String name : names) {
      try {
        kinds.add(SearchKind.valueOf(name.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("kinds", "must list some of company, contact and deal");
      }
    }
    return kinds;
  }

  /** Contacts matching the query by name or email, then those of the companies found. */
  private List<Contact> contactsFound(
      WorkspaceId workspace, String query, List<Company> companiesFound) throws StewardException {
    Map<UUID, Contact> found = new LinkedHashMap<>();
    for (Contact contact :
        contacts.contacts(workspace, ContactQuery.matching(query), SEARCHED).items()) {
      found.put(contact.id(), contact);
    }
    Map<UUID, List<Contact>> byCompany =
        contacts.contactsOfCompanies(workspace, companiesFound.stream().map(Company::id).toList());
    for (Company company : companiesFound) {
      for (Contact contact : byCompany.getOrDefault(company.id(), List.of())) {
        found.putIfAbsent(contact.id(), contact);
      }
    }
    return found.values().stream().limit(SEARCH_LIMIT).toList();
  }

  private ToolOutcome createCompany(ToolArguments arguments) throws StewardException {
    return ToolOutcome.of(
        companies.create(
            arguments.workspace(),
            arguments.requiredText("name"),
            arguments.text("website"),
            arguments.text("industry")));
  }

  private ToolOutcome updateCompany(ToolArguments arguments) throws StewardException {
    CompanyUpdate update =
        new CompanyUpdate(
            Patch.ofNullable(arguments.text("name")),
            Patch.ofNullable(arguments.text("website")),
            Patch.ofNullable(arguments.text("industry")));
    return ToolOutcome.of(
        companies.update(
            arguments.workspace(), arguments.requiredId("companyId"), arguments.version(), update));
  }

  private ToolOutcome createContact(ToolArguments arguments) throws StewardException {
    ContactDetails details =
        new ContactDetails(
            arguments.requiredText("name"),
            companyReference.id(arguments, "company"),
            arguments.text("email"),
            arguments.text("phone"),
            arguments.integer("leadScore"));
    return ToolOutcome.of(
        contacts.create(arguments.workspace(), details, arguments.text("ownerId")));
  }

  private ToolOutcome updateContact(ToolArguments arguments) throws StewardException {
    ContactUpdate update =
        new ContactUpdate(
            Patch.ofNullable(arguments.text("name")),
            Patch.ofNullable(companyReference.id(arguments, "company")),
            Patch.ofNullable(arguments.text("email")),
            Patch.ofNullable(arguments.text("phone")),
            Patch.ofNullable(arguments.integer("leadScore")));
    return ToolOutcome.of(
        contacts.update(
            arguments.workspace(),
            arguments.requiredId("contactId"),
            arguments.version(),
            update,
            Patch.ofNullable(arguments.text("ownerId"))));
  }

  private ToolOutcome listInteractions(ToolArguments arguments) throws StewardException {
    return ToolOutcome.of(
        contacts.interactions(
            arguments.workspace(), contactReference.id(arguments, "contact"), ALL));
  }

  private ToolOutcome logInteraction(ToolArguments arguments) throws StewardException {
    WorkspaceId workspace = arguments.workspace();
    String occurredAt = arguments.text("occurredAt");
    return ToolOutcome.of(
        contacts.logInteraction(
            workspace,
            contactReference.requiredId(arguments, "contact"),
            arguments.requiredChoice("kind", InteractionKind.class),
            arguments.requiredText("summary"),
            occurredAt == null || occurredAt.isBlank()
                ? Instant.now()
                : moment(occurredAt, workspaces.workspace(workspace).timeZone())));
  }

  /**
   * The moment an ISO date-time names: with an offset or zone as it says, without one in the given
   * zone; a date alone is the start of that day there.
   */
  static Instant moment(String text, ZoneId zone) throws InvalidInputException {
    String iso = text.strip();
    try {
      TemporalAccessor parsed =
          DateTimeFormatter.ISO_DATE_TIME.parseBest(iso, ZonedDateTime::from, LocalDateTime::from);
      return parsed instanceof ZonedDateTime zoned
          ? zoned.toInstant()
          : ((LocalDateTime) parsed).atZone(zone).toInstant();
    } catch (DateTimeParseException notADateTime) {
      try {
        return LocalDate.parse(iso).atStartOfDay(zone).toInstant();
      } catch (DateTimeParseException notADate) {
        throw new InvalidInputException(
            "occurredAt", "must be an ISO date-time such as 2026-11-20T14:30 or a date");
      }
    }
  }

  private ToolOutcome listDeals(ToolArguments arguments) throws StewardException {
    DealStage stage = arguments.choice("stage", DealStage.class);
    DealQuery query =
        DealQuery.all()
            .ofCompany(companyReference.id(arguments, "company"))
            .inStages(stage == null ? null : List.of(stage));
    return ToolOutcome.of(deals.deals(arguments.workspace(), query, ALL));
  }

  private ToolOutcome moveDeal(ToolArguments arguments) throws StewardException {
    return ToolOutcome.of(
        deals.moveToStage(
            arguments.workspace(),
            arguments.requiredId("dealId"),
            arguments.version(),
            arguments.requiredChoice("stage", DealStage.class)));
  }
}
