package io.steward.limit.interfaces.web;

import io.steward.limit.application.RateLimits;
import io.steward.shared.domain.RateLimitedException;
import io.steward.shared.interfaces.web.ApiRequests;
import io.steward.shared.interfaces.web.BufferedBodyRequest;
import io.steward.shared.interfaces.web.ErrorResponses;
import io.steward.tenancy.application.Caller;
import io.steward.tenancy.application.CurrentCaller;
import io.steward.tenancy.domain.WorkspaceId;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Applies the rate limits to every authenticated API request: one request of the person, one of
 * each workspace it targets — the workspace of a REST path, or the {@code workspaceId} arguments of
 * a GraphQL request — and one run of the person and the workspace for each run started. Only the
 * caller's own workspaces are charged, so nobody can use up another tenant's limit with requests
 * that are refused anyway. Over a limit: 429 with {@code Retry-After} and the code {@code
 * RATE_LIMITED}, before any work is done.
 */
public class RateLimitFilter extends HttpFilter {

  @Inject CurrentCaller currentCaller;
  @Inject RateLimits rateLimits;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Caller caller = currentCaller.get();
    Set<WorkspaceId> workspaces = new LinkedHashSet<>(targets(request));
    workspaces.removeIf(workspace -> caller.roleIn(workspace).isEmpty());
    try {
      rateLimits.admitRequest(caller.userId(), workspaces);
      if (ApiRequests.startsRun(request)) {
        // The run's workspace, from its path (none when the caller is not a member).
        for (WorkspaceId workspace : workspaces) {
          rateLimits.admitRun(caller.userId(), workspace);
        }
      }
    } catch (RateLimitedException e) {
      response.setHeader("Retry-After", Long.toString(e.retryAfter().toSeconds()));
      ErrorResponses.write(request, response, 429, "RATE_LIMITED", e.getMessage());
      return;
    }
    chain.doFilter(request, response);
  }

  private static Set<WorkspaceId> targets(HttpServletRequest request) {
    if (!ApiRequests.isGraphQL(request)) {
      return ApiRequests.workspaceInPath(request)
          .flatMap(WorkspaceId::ifValid)
          .map(Set::of)
          .orElse(Set.of());
    }
    return BufferedBodyRequest.bodyOf(request)
        .map(GraphQLWorkspaceIds::inBody)
        .orElseGet(
            () ->
                GraphQLWorkspaceIds.inParameters(
                    request.getParameter("query"), request.getParameter("variables")));
  }
}
