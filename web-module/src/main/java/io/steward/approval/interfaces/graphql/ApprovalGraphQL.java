package io.steward.approval.interfaces.graphql;

import io.steward.approval.application.ActionPolicies;
import io.steward.approval.application.Approvals;
import io.steward.approval.application.Approvals.Decision;
import io.steward.approval.application.Approvals.Filter;
import io.steward.approval.application.Approvals.Item;
import io.steward.approval.interfaces.graphql.ApprovalEnums.ApprovalDecision;
import io.steward.approval.interfaces.graphql.ApprovalEnums.RequesterKind;
import io.steward.approval.interfaces.graphql.ApprovalViews.ApprovalEdge;
import io.steward.approval.interfaces.graphql.ApprovalViews.ApprovalView;
import io.steward.approval.interfaces.graphql.ApprovalViews.DecisionInput;
import io.steward.approval.interfaces.graphql.ApprovalViews.DecisionResultView;
import io.steward.approval.interfaces.graphql.ApprovalViews.FilterInput;
import io.steward.approval.interfaces.graphql.ApprovalViews.OversightView;
import io.steward.approval.interfaces.graphql.PolicyViews.PolicyInput;
import io.steward.approval.interfaces.graphql.PolicyViews.PolicyView;
import io.steward.approval.interfaces.graphql.PolicyViews.SimulationView;
import io.steward.shared.application.Paging;
import io.steward.shared.domain.StewardException;
import io.steward.shared.interfaces.graphql.Enums;
import io.steward.shared.interfaces.graphql.Ids;
import io.steward.shared.interfaces.graphql.TranslatesFailures;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.interfaces.graphql.Connections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/**
 * People in charge of agents: the action policy (admins and owners), the approvals inbox across
 * every thread (members with write access), deciding one or many, and the oversight figures.
 */
@GraphQLApi
@ApplicationScoped
@TranslatesFailures
public class ApprovalGraphQL {

  private static final String WORKSPACE_ID = "workspaceId";

  @Inject ActionPolicies policies;
  @Inject Approvals approvals;

  @Query
  @Description(
      "The workspace's action policy: its own rules by priority, then the built-in defaults"
          + " (admins and owners)")
  public @NonNull List<@NonNull PolicyView> actionPolicies(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId) throws StewardException {
    return policies.rules(workspace(workspaceId)).stream().map(PolicyView::new).toList();
  }

  @Mutation("setActionPolicy")
  @Description("Adds a rule (no id) or replaces one of the workspace's rules")
  public @NonNull PolicyView setActionPolicy(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @Id @Name("id") String id,
      @Name("version") @Description("The version it is based on; absent: the current one")
          Integer version,
      @NonNull @Name("input") PolicyInput input)
      throws StewardException {
    return new PolicyView(
        policies.set(workspace(workspaceId), Ids.parse("id", id), version, input.spec()));
  }

  @Mutation
  @Description("Removes one of the workspace's rules (built-in ones cannot be removed)")
  public boolean removeActionPolicy(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId, @NonNull @Id @Name("id") String id)
      throws StewardException {
    policies.remove(workspace(workspaceId), Ids.require("id", id));
    return true;
  }

  @Query
  @Description(
      "What the policy would decide for a call an agent proposes and which rule would decide it,"
          + " without making it (admins and owners). The model's reason and confidence go in the"
          + " arguments, as a model gives them.")
  public @NonNull SimulationView simulateActionPolicy(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Name("agent") String agent,
      @NonNull @Name("tool") String tool,
      @NonNull @Name("arguments") @Description("A JSON object") String arguments,
      @Name("requester") @DefaultValue("CHAT") RequesterKind requester)
      throws StewardException {
    return new SimulationView(
        policies.simulate(
            workspace(workspaceId),
            agent,
            tool,
            arguments,
            Enums.convert(requester, io.steward.approval.domain.RequesterKind.class)));
  }

  @Query
  @Description("The approvals inbox across every thread, newest first (members with write access)")
  public @NonNull ApprovalViews.Approvals approvals(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @Name("filter") FilterInput filter,
      @Name("first") @DefaultValue("20") @Description("Page size, 1 to 100") int first,
      @Name("after") @Description("Cursor of the last edge of the previous page") String after)
      throws StewardException {
    FilterInput f = filter == null ? new FilterInput(null, null, null, null, null, null) : filter;
    return Connections.of(
        approvals.approvals(
            workspace(workspaceId),
            new Filter(
                Enums.convertAll(f.states(), io.steward.approval.domain.ApprovalState.class),
                f.agents(),
                f.tools(),
                f.requestedBy(),
                Enums.convertAll(
                    f.requesterKinds(), io.steward.approval.domain.RequesterKind.class),
                Boolean.TRUE.equals(f.decidableByMe())),
            Paging.request(first, after)),
        ApprovalView::new,
        ApprovalEdge::new,
        ApprovalViews.Approvals::new);
  }

  @Query
  @Description("One approval request")
  public @NonNull ApprovalView approval(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId, @NonNull @Id @Name("id") String id)
      throws StewardException {
    return new ApprovalView(approvals.approval(workspace(workspaceId), Ids.require("id", id)));
  }

  @Mutation
  @Description(
      "Decides a pending request; the first decision wins (a concurrent one gets CONFLICT). An"
          + " approved call is applied before this answers, with the edited arguments if given")
  public @NonNull ApprovalView decideApproval(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Id @Name("id") String id,
      @NonNull @Name("decision") ApprovalDecision decision,
      @Name("comment") String comment,
      @Name("arguments") @Description("To approve with edits: a JSON object") String arguments)
      throws StewardException {
    return new ApprovalView(
        approvals.decide(
            workspace(workspaceId),
            Ids.require("id", id),
            Enums.convert(decision, Decision.class),
            comment,
            arguments));
  }

  @Mutation
  @Description("Decides up to 100 requests, each on its own: a result per item, in order")
  public @NonNull List<@NonNull DecisionResultView> decideApprovals(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Name("decisions") List<@NonNull DecisionInput> decisions)
      throws StewardException {
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < decisions.size(); i++) {
      DecisionInput input = decisions.get(i);
      items.add(
          new Item(
              Ids.require("decisions[" + i + "].id", input.id()),
              Enums.convert(input.decision(), Decision.class),
              input.comment(),
              input.arguments()));
    }
    return approvals.decideAll(workspace(workspaceId), items).stream()
        .map(DecisionResultView::new)
        .toList();
  }

  @Query
  @Description(
      "The 90/5 figures of a period: agent writes applied at once, approved, approved with edits,"
          + " rejected, expired, denied, time to decision and decisions per person (admins and"
          + " owners)")
  public @NonNull OversightView oversight(
      @NonNull @Id @Name(WORKSPACE_ID) String workspaceId,
      @NonNull @Name("from") OffsetDateTime from,
      @NonNull @Name("to") OffsetDateTime to)
      throws StewardException {
    return new OversightView(
        approvals.oversight(workspace(workspaceId), from.toInstant(), to.toInstant()));
  }

  private static WorkspaceId workspace(String workspaceId) throws StewardException {
    return WorkspaceId.parse(WORKSPACE_ID, workspaceId);
  }
}
