package io.steward.shared.interfaces.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What an API request is aimed at, read from its method and path. */
public final class ApiRequests {

  private static final Pattern WORKSPACE_PATH = Pattern.compile("/api/workspaces/([^/]+)(/.*)?");
  private static final Pattern RUN_START =
      Pattern.compile("/api/workspaces/[^/]+/(agents/[^/]+/)?runs/?");

  private ApiRequests() {}

  public static boolean isGraphQL(HttpServletRequest request) {
    String path = path(request);
    return path.equals("/graphql") || path.startsWith("/graphql/");
  }

  /** The workspace id text of a REST path {@code /api/workspaces/{id}/…}, if it has one. */
  public static Optional<String> workspaceInPath(HttpServletRequest request) {
    Matcher matcher = WORKSPACE_PATH.matcher(path(request));
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /** {@code POST …/runs} or {@code POST …/agents/{name}/runs}: starts an agent run. */
  public static boolean startsRun(HttpServletRequest request) {
    return isPost(request) && RUN_START.matcher(path(request)).matches();
  }

  public static boolean isPost(HttpServletRequest request) {
    return "POST".equals(request.getMethod());
  }

  /** The request's path within the application, e.g. {@code /api/workspaces/…}. */
  public static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
