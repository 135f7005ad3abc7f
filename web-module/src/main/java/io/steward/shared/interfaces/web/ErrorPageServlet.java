package io.steward.shared.interfaces.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The container's error pages as JSON instead of HTML. A 401 or 403 arrives here only when Payara's
 * MicroProfile JWT mechanism refused the credentials that came with the request (bad signature,
 * expired, wrong issuer or audience) — requests without any are answered by the authentication
 * filter — and is answered 403, as Steward's contract says.
 */
@WebServlet("/errors/*")
public class ErrorPageServlet extends HttpServlet {

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = statusAttribute instanceof Integer code ? code : HttpServletResponse.SC_NOT_FOUND;
    String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String requestId = (String) request.getAttribute(RequestIdFilter.HEADER);
    if (status == HttpServletResponse.SC_UNAUTHORIZED
        || status == HttpServletResponse.SC_FORBIDDEN) {
      ErrorResponses.write(
          response, uri, requestId, 403, "FORBIDDEN", "The access token is invalid or expired");
      return;
    }
    String message = status >= 500 ? "Internal error" : "HTTP " + status;
    ErrorResponses.write(response, uri, requestId, status, Failure.codeOfStatus(status), message);
  }
}
