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
}
