package io.steward.approval.domain;

import static io.steward.approval.domain.ActionOperation.CREATE;
import static io.steward.approval.domain.ActionOperation.DELETE;
import static io.steward.approval.domain.ActionOperation.READ;
import static io.steward.approval.domain.ActionOperation.UPDATE;
import static io.steward.approval.domain.PolicyDecision.APPROVE;
import static io.steward.approval.domain.PolicyDecision.AUTO;

import io.steward.tenancy.domain.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The defaults every workspace has after its own rules: reads apply; anything about members, every
 * delete and closing a deal (stage won or lost) waits for a person; creates and updates apply while
 * a person is chatting and wait when nobody watches (schedules, triggers, outside agents). A
 * workspace changes them by adding rules of its own, which come first.
 */
public final class BuiltInRules {

  /** Priorities shown for the defaults: after any rule a workspace can make. */
  public static final int FIRST_PRIORITY = RuleSpec.MAX_PRIORITY + 1;

  private BuiltInRules() {}

  public static List<ActionPolicyRule> of(WorkspaceId workspace) {
    int priority = FIRST_PRIORITY;
    return List.of(
        rule(
            workspace,
            "reads",
            spec(
                "Reads apply",
                priority++,
                List.of(READ),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                AUTO,
                Deciders.WRITERS)),
        rule(
            workspace,
            "members",
            spec(
                "Anything about members waits for an admin",
                priority++,
                List.of(),
                List.of("member"),
                List.of(),
                List.of(),
                List.of(),
                APPROVE,
                Deciders.ADMINS)),
        rule(
            workspace,
            "deletes",
            spec(
                "Deletes wait for a person",
                priority++,
                List.of(DELETE),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                APPROVE,
                Deciders.WRITERS)),
        rule(
            workspace,
            "deal-closing",
            spec(
                "Closing a deal waits for a person",
                priority++,
                List.of(UPDATE),
                List.of("deal"),
                List.of("stage"),
                List.of("won", "lost"),
                List.of(),
                APPROVE,
                Deciders.WRITERS)),
        rule(
            workspace,
            "unattended-writes",
            spec(
                "Writes nobody watches wait for a person",
                priority++,
                List.of(CREATE, UPDATE),
                List.of(),
                List.of(),
                List.of(),
                List.of(
                    RequesterKind.SCHEDULE,
                    RequesterKind.EVENT_TRIGGER,
                    RequesterKind.OUTSIDE_AGENT),
                APPROVE,
                Deciders.WRITERS)),
        rule(
            workspace,
            "chat-writes",
            spec(
                "Writes in a chat apply",
                priority,
                List.of(CREATE, UPDATE),
                List.of(),
                List.of(),
                List.of(),
                List.of(RequesterKind.CHAT),
                AUTO,
                Deciders.WRITERS)));
  }

  private static ActionPolicyRule rule(WorkspaceId workspace, String key, RuleSpec spec) {
    UUID id = UUID.nameUUIDFromBytes(("steward.policy." + key).getBytes(StandardCharsets.UTF_8));
    return ActionPolicyRule.builtIn(workspace, id, spec);
  }

  private static RuleSpec spec(
      String name,
      int priority,
      List<ActionOperation> operations,
      List<String> recordTypes,
      List<String> fields,
      List<String> newValues,
      List<RequesterKind> requesters,
      PolicyDecision decision,
      Deciders deciders) {
    return new RuleSpec(
        name,
        priority,
        List.of(),
        List.of(),
        operations,
        recordTypes,
        fields,
        newValues,
        null,
        null,
        null,
        requesters,
        decision,
        deciders,
        null);
  }
}
