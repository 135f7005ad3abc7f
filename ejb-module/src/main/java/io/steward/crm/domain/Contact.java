package io.steward.crm.domain;

import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.Text;
import io.steward.tenancy.domain.Person;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRecord;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** A person at a company (or on their own), with a lead score and an owner in the workspace. */
@Entity
@Table(name = "contact")
public class Contact extends WorkspaceRecord {

  public static final int MAX_LEAD_SCORE = 100;
  private static final int EMAIL_MAX_LENGTH = 320;
  private static final int PHONE_MAX_LENGTH = 40;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]{2,39}");

  @Column(nullable = false, length = Company.NAME_MAX_LENGTH)
  private String name;

  @Column(name = "company_id")
  private UUID companyId;

  private String email;

  private String phone;

  @Column(name = "lead_score")
  private Integer leadScore;

  @Embedded
  @AttributeOverride(name = "userId", column = @Column(name = "owner_id"))
  @AttributeOverride(name = "username", column = @Column(name = "owner_username"))
  @AttributeOverride(name = "displayName", column = @Column(name = "owner_display_name"))
  private Person owner;

  protected Contact() {}

  private Contact(WorkspaceId workspace) {
    super(workspace);
  }

  public static Contact add(WorkspaceId workspace, ContactDetails details, Person owner)
      throws InvalidInputException {
    Contact contact = new Contact(workspace);
    contact.write(details, owner);
    return contact;
  }

  /**
   * Takes the details the update gives, keeping the others, and the owner (the service resolved it
   * from the member's user id).
   */
  public void revise(ContactUpdate update, Person owner) throws InvalidInputException {
    write(
        new ContactDetails(
            update.name().or(name),
            update.companyId().or(companyId),
            update.email().or(email),
            update.phone().or(phone),
            update.leadScore().or(leadScore)),
        owner);
  }

  private void write(ContactDetails details, Person owner) throws InvalidInputException {
    this.name = Text.requireSingleLine("name", details.name(), Company.NAME_MAX_LENGTH);
    this.companyId = details.companyId();
    this.email = email(details.email());
    this.phone = phone(details.phone());
    this.leadScore = leadScore(details.leadScore());
    this.owner = owner;
  }

  private static String email(String value) throws InvalidInputException {
    String email = Text.optionalSingleLine("email", value, EMAIL_MAX_LENGTH);
    if (email != null && !EMAIL.matcher(email).matches()) {
      throw new InvalidInputException("email", "must be an email address");
    }
    return email == null ? null : email.toLowerCase(Locale.ROOT);
  }

  private static String phone(String value) throws InvalidInputException {
    String phone = Text.optionalSingleLine("phone", value, PHONE_MAX_LENGTH);
    if (phone != null && !PHONE.matcher(phone).matches()) {
      throw new InvalidInputException(
          "phone", "must be a phone number of digits, spaces and + ( ) . / -");
    }
    return phone;
  }

  /** 0 (cold) to 100 (ready to buy). */
  private static Integer leadScore(Integer score) throws InvalidInputException {
    if (score != null && (score < 0 || score > MAX_LEAD_SCORE)) {
      throw new InvalidInputException("leadScore", "must be between 0 and " + MAX_LEAD_SCORE);
    }
    return score;
  }

  public String name() {
    return name;
  }

  public UUID companyId() {
    return companyId;
  }

  public String email() {
    return email;
  }

  public String phone() {
    return phone;
  }

  public Integer leadScore() {
    return leadScore;
  }

  /** The member who looks after the contact, if any. */
  public Person owner() {
    return owner;
  }

  @Override
  public String label() {
    return name;
  }

  @Override
  public Map<String, Object> state() {
    return state(
        "name", name,
        "companyId", companyId,
        "email", email,
        "phone", phone,
        "leadScore", leadScore,
        "ownerId", owner == null ? null : owner.userId());
  }
}
