package io.steward.demo;

import io.steward.crm.domain.Company;
import io.steward.crm.domain.Contact;
import io.steward.crm.domain.ContactDetails;
import io.steward.crm.domain.Deal;
import io.steward.crm.domain.DealStage;
import io.steward.crm.domain.DealTerms;
import io.steward.crm.domain.Interaction;
import io.steward.crm.domain.InteractionKind;
import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.RuleViolationException;
import io.steward.tenancy.domain.Person;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRecord;
import io.steward.tenancy.domain.WorkspaceRecords;
import io.steward.work.domain.Checkpoint;
import io.steward.work.domain.Comment;
import io.steward.work.domain.Note;
import io.steward.work.domain.Project;
import io.steward.work.domain.Task;
import io.steward.work.domain.TaskDraft;
import io.steward.work.domain.TaskPriority;
import io.steward.work.domain.TaskStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A small web and design agency's operations: clients, contacts, deals in the pipeline, projects
 * with tasks, checkpoints and notes. Dates are relative to the day the workspace is created, so the
 * data looks current. It is seed data, not anyone's change: it is neither audited nor published as
 * events.
 */
@ApplicationScoped
public class DemoContent {

  /** Who the demo records say created them. */
  static final String AUTHOR = "steward-demo";

  /** The demo users of keycloak/realm-steward.json, whose ids the realm fixes. */
  static final Person ALICE =
      new Person("0a11ce00-0000-4000-8000-000000000001", "alice", "Alice Anders");

  static final Person BOB = new Person("00000b0b-0000-4000-8000-000000000002", "bob", "Bob Berg");

  @Inject WorkspaceRecords records;

  private final Instant now = Instant.now(Clock.systemUTC());
  private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

  void fill(WorkspaceId workspace) throws InvalidInputException {
    try {
      fillChecked(workspace);
    } catch (RuleViolationException e) {
      throw new IllegalStateException("The demo data breaks a rule", e);
    }
  }

  private void fillChecked(WorkspaceId w) throws InvalidInputException, RuleViolationException {
    Company northwind =
        add(Company.register(w, "Northwind Traders", "https://northwind.example", "Retail"));
    Company globex =
        add(Company.register(w, "Globex Corporation", "https://globex.example", "Manufacturing"));
    Company initech = add(Company.register(w, "Initech", "https://initech.example", "Software"));
    Company umbrella =
        add(Company.register(w, "Umbrella Health", "https://umbrella.example", "Healthcare"));

    Contact nora = contact(w, "Nora Lind", northwind, "nora.lind@northwind.example", 82, ALICE);
    Contact tom = contact(w, "Tom Berger", northwind, "tom.berger@northwind.example", 55, BOB);
    Contact greta = contact(w, "Greta Hansen", globex, "greta.hansen@globex.example", 67, ALICE);
    Contact samir = contact(w, "Samir Patel", initech, "samir.patel@initech.example", 40, BOB);
    Contact lucy = contact(w, "Lucy Moreau", umbrella, "lucy.moreau@umbrella.example", 90, ALICE);

    interaction(w, nora, InteractionKind.MEETING, "Kick-off for the web shop; wants a demo", 12);
    interaction(w, nora, InteractionKind.EMAIL, "Sent the proposal with two price options", 4);
    interaction(w, tom, InteractionKind.CALL, "Checked hosting requirements and traffic peaks", 6);
    interaction(w, greta, InteractionKind.CALL, "Budget confirmed; legal reviews the contract", 2);
    interaction(w, samir, InteractionKind.NOTE, "Met at a meetup; intranet is a 2027 topic", 20);
    interaction(w, lucy, InteractionKind.MEETING, "Workshop on the patient portal's scope", 1);

    deal(w, "Web shop relaunch", northwind, nora, "48000", 21, DealStage.PROPOSAL);
    deal(w, "Brand refresh", globex, greta, "22500", 10, DealStage.NEGOTIATION);
    deal(w, "Intranet", initech, samir, "15000", 120, DealStage.LEAD);
    deal(w, "Patient portal", umbrella, lucy, "120000", 60, DealStage.QUALIFIED);
    deal(w, "SEO retainer", northwind, tom, "6000", -14, DealStage.WON);

    Project shop = add(Project.start(w, "Northwind web shop", northwind.id()));
    Project brand = add(Project.start(w, "Globex brand refresh", globex.id()));
    Project website = add(Project.start(w, "Our own website", null));
    Project intranet = add(Project.start(w, "Initech intranet pilot", initech.id()));
    intranet.archive();

    Task wireframes =
        task(w, "Wireframes for checkout", shop, TaskPriority.HIGH, -1, TaskStatus.IN_PROGRESS);
    wireframes.assign(List.of(ALICE, BOB));
    task(w, "Product import from ERP", shop, TaskPriority.HIGH, 0, TaskStatus.TODO)
        .assign(List.of(BOB));
    task(w, "Payment provider account", shop, TaskPriority.MEDIUM, 3, TaskStatus.TODO)
        .assign(List.of(ALICE));
    task(w, "Hosting offer", shop, TaskPriority.LOW, 7, TaskStatus.DONE).assign(List.of(BOB));
    task(w, "Logo variants", brand, TaskPriority.HIGH, 0, TaskStatus.IN_PROGRESS)
        .assign(List.of(ALICE));
    task(w, "Colour palette review", brand, TaskPriority.MEDIUM, 2, TaskStatus.TODO);
    task(w, "Style guide PDF", brand, TaskPriority.MEDIUM, 9, TaskStatus.TODO);
    task(w, "Case study: Northwind", website, TaskPriority.LOW, 14, TaskStatus.TODO);
    task(w, "Update team page", website, TaskPriority.LOW, -3, TaskStatus.TODO)
        .assign(List.of(BOB));
    task(w, "Renew SSL certificates", null, TaskPriority.HIGH, 1, TaskStatus.TODO);
    add(
        Task.plan(
            w,
            new TaskDraft(
                "Follow up with Greta on the contract",
                "Suggested because the last call was two days ago and legal is reviewing.",
                TaskPriority.MEDIUM,
                today.plusDays(1),
                brand.id()),
            true));

    add(Comment.on(w, wireframes.id(), BOB, "First draft is in the shared folder; mobile next."));
    add(Comment.on(w, wireframes.id(), ALICE, "Looks good. Keep the guest checkout."));

    add(Checkpoint.set(w, shop.id(), "Design sign-off", today.plusDays(5), false));
    add(Checkpoint.set(w, shop.id(), "Go-live", today.plusDays(40), false));
    add(Checkpoint.set(w, brand.id(), "Final presentation", today.plusDays(12), false));
    add(Checkpoint.set(w, brand.id(), "Print files delivered", today.plusDays(20), true));

    add(
        Note.write(
            w,
            "Web shop: decisions",
            "## Decisions\n\n- Guest checkout stays\n- Payment: cards and invoice\n"
                + "- Launch in one country first",
            shop.id()));
    add(
        Note.write(
            w,
            "Brand refresh brief",
            "Globex wants a *calmer* look for its B2B customers. Keep the blue.",
            brand.id()));
    add(
        Note.write(
            w,
            "Weekly routine",
            "Monday: pipeline review. Wednesday: project check-ins. Friday: invoices.",
            null));
  }

  private Contact contact(
      WorkspaceId w, String name, Company company, String email, int leadScore, Person owner)
      throws InvalidInputException {
    return add(
        Contact.add(w, new ContactDetails(name, company.id(), email, null, leadScore), owner));
  }

  private void interaction(
      WorkspaceId w, Contact contact, InteractionKind kind, String summary, int daysAgo)
      throws InvalidInputException {
    add(
        Interaction.log(
            w,
            contact.id(),
            kind,
            summary,
            now.minus(Duration.ofDays(daysAgo)).minusSeconds(3600)));
  }

  private void deal(
      WorkspaceId w,
      String title,
      Company company,
      Contact contact,
      String value,
      int closesInDays,
      DealStage stage)
      throws InvalidInputException, RuleViolationException {
    Deal deal =
        add(
            Deal.open(
                w,
                new DealTerms(
                    title,
                    company.id(),
                    contact.id(),
                    new BigDecimal(value),
                    "EUR",
                    today.plusDays(closesInDays))));
    if (stage != DealStage.LEAD) {
      deal.moveTo(stage, now);
    }
  }

  private Task task(
      WorkspaceId w,
      String title,
      Project project,
      TaskPriority priority,
      int dueInDays,
      TaskStatus status)
      throws InvalidInputException, RuleViolationException {
    Task task =
        add(
            Task.plan(
                w,
                new TaskDraft(
                    title,
                    null,
                    priority,
                    today.plusDays(dueInDays),
                    project == null ? null : project.id()),
                false));
    if (status != TaskStatus.TODO) {
      task.moveTo(status);
    }
    return task;
  }

  private <T extends WorkspaceRecord> T add(T record) {
    record.createdBy(AUTHOR, now);
    records.add(record);
    return record;
  }
}
