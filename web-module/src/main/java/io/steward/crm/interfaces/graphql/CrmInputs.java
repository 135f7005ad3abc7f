package io.steward.crm.interfaces.graphql;

import io.steward.crm.interfaces.graphql.CrmEnums.DealStage;
import io.steward.crm.interfaces.graphql.CrmEnums.InteractionKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** The input types of the CRM schema. Updates send the whole editable state. */
public final class CrmInputs {

  private CrmInputs() {}

  @Input("CompanyInput")
  public record CompanyInput(
      @NonNull @Description("1 to 200 characters") String name,
      @Description("An http or https address") String website,
      String industry) {}

  @Input("CompanyFilter")
  public record CompanyFilter(
      @Description("Part of the name, industry or website") String search) {}

  @Input("ContactInput")
  public record ContactInput(
      @NonNull @Description("1 to 200 characters") String name,
      @Id String companyId,
      String email,
      String phone,
      @Description("0 to 100") Integer leadScore,
      @Id @Description("User id of the member who looks after the contact") String ownerId) {}

  @Input("ContactFilter")
  @Description("Absent fields do not filter; given fields must all match")
  public record ContactFilter(
      @Id String companyId,
      @Id String ownerId,
      @Description("Lead score at least this") Integer minLeadScore,
      @Description("Part of the name or email") String search) {}

  @Input("InteractionInput")
  public record InteractionInput(
      @NonNull InteractionKind kind,
      @NonNull @Description("Markdown, up to 100 kB") String summary,
      @NonNull OffsetDateTime occurredAt) {}

  @Input("DealInput")
  public record DealInput(
      @NonNull @Description("1 to 200 characters") String title,
      @NonNull @Id String companyId,
      @Id @Description("A contact of the company") String contactId,
      @NonNull @Description("0 or more, at most two decimals") BigDecimal value,
      @NonNull @Description("ISO 4217 code, e.g. EUR") String currency,
      LocalDate expectedClose) {}

  @Input("DealFilter")
  @Description("Absent fields do not filter; given fields must all match")
  public record DealFilter(
      @Id String companyId,
      @Id String contactId,
      List<DealStage> stages,
      @Description("Expected to close on or before this date") LocalDate closingBy,
      @Description("Part of the title") String search) {}
}
