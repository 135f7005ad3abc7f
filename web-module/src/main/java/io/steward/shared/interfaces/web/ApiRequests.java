package io.steward.shared.interfaces.web;

import io.steward.shared.domain.InvalidInputException;
import io.steward.workspace.domain.WorkspaceId;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What an API request is aimed at, read from its method and path. */
final class ApiRequests {

  private static final Pattern WORKSPACE_PATH = Pattern.compile("/api/workspaces/([^/]+)(/.*)?");
  private static final Pattern RUN_START =
      Pattern.compile("/api/workspaces/[^/]+/(agents/[^/]+/)?runs/?");
  private static final Pattern KNOWLEDGE_UPLOAD =
      Pattern.compile("/api/workspaces/[^/]+/knowledge/documents/?");

  private ApiRequests() {}

  static boolean isGraphQL(HttpServletRequest request) {
    String path = path(request);
    return path.equals("/graphql") || path.startsWith("/graphql/");
  }

  /** The workspace named by a REST path {@code /api/workspaces/{id}/…}, if it is a valid id. */
  static Optional<WorkspaceId> workspaceOf(HttpServletRequest request) {
    Matcher matcher = WORKSPACE_PATH.matcher(path(request));
    return matcher.matches() ? workspaceId(matcher.group(1)) : Optional.empty();
  }

  /** A workspace id as the services read it, or nothing when the text is not one. */
  static Optional<WorkspaceId> workspaceId(String text) {
    try {
      return Optional.of(WorkspaceId.parse("workspaceId", text));
    } catch (InvalidInputException notAnId) {
      return Optional.empty();
    }
  }

  /** {@code POST …/runs} or {@code POST …/agents/{name}/runs}: starts an agent run. */
  static boolean startsRun(HttpServletRequest request) {
    return isPost(request) && RUN_START.matcher(path(request)).matches();
  }

  static boolean uploadsKnowledge(HttpServletRequest request) {
    return isPost(request) && KNOWLEDGE_UPLOAD.matcher(path(request)).matches();
  }

  static boolean isPost(HttpServletRequest request) {
    return "POST".equals(request.getMethod());
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
