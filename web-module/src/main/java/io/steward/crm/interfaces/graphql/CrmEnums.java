package io.steward.crm.interfaces.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

/** The enums of the CRM schema. */
public final class CrmEnums {

  private CrmEnums() {}

  @Enum("InteractionKind")
  public enum InteractionKind {
    CALL,
    EMAIL,
    MEETING,
    NOTE
  }

  @Enum("DealStage")
  @Description("The sales pipeline; WON and LOST close a deal")
  public enum DealStage {
    LEAD,
    QUALIFIED,
    PROPOSAL,
    NEGOTIATION,
    WON,
    LOST
  }

  @Enum("ContactOrder")
  @Description("NAME: alphabetical; LEAD_SCORE: hottest first, unscored last; RECENTLY_UPDATED")
  public enum ContactOrder {
    NAME,
    LEAD_SCORE,
    RECENTLY_UPDATED
  }

  @Enum("DealOrder")
  @Description(
      "EXPECTED_CLOSE: soonest first, undated last; VALUE: largest amount first, whatever the"
          + " currency; RECENTLY_UPDATED")
  public enum DealOrder {
    EXPECTED_CLOSE,
    VALUE,
    RECENTLY_UPDATED
  }
}
