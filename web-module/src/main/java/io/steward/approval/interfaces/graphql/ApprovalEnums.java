package io.steward.approval.interfaces.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

/** The enums of the approvals schema. */
public final class ApprovalEnums {

  private ApprovalEnums() {}

  @Enum("PolicyDecision")
  @Description("AUTO: apply at once; APPROVE: hold for a person; DENY: refuse")
  public enum PolicyDecision {
    AUTO,
    APPROVE,
    DENY
  }

  @Enum("ActionOperation")
  public enum ActionOperation {
    READ,
    CREATE,
    UPDATE,
    DELETE
  }

  @Enum("RequesterKind")
  @Description(
      "Who asked for the run an action comes from: CHAT, a person watching; the others run with"
          + " nobody watching")
  public enum RequesterKind {
    CHAT,
    SCHEDULE,
    EVENT_TRIGGER,
    OUTSIDE_AGENT
  }

  @Enum("ApprovalDeciders")
  @Description(
      "WRITERS: any member with write access (members, admins, owners); ADMINS: admins"
          + " and owners only")
  public enum Deciders {
    WRITERS,
    ADMINS
  }

  @Enum("ApprovalState")
  @Description(
      "PENDING → APPROVED → APPLYING → APPLIED or FAILED; or PENDING → REJECTED, EXPIRED or"
          + " CANCELLED")
  public enum ApprovalState {
    PENDING,
    APPROVED,
    APPLYING,
    APPLIED,
    FAILED,
    REJECTED,
    EXPIRED,
    CANCELLED
  }

  @Enum("ApprovalDecision")
  public enum ApprovalDecision {
    APPROVE,
    REJECT
  }
}
