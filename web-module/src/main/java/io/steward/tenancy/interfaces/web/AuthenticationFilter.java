package io.steward.tenancy.interfaces.web;

import io.steward.shared.interfaces.web.ErrorResponses;
import io.steward.tenancy.application.Caller;
import io.steward.tenancy.application.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Guards /graphql and /api: no credentials → 401, credentials that MicroProfile JWT did not accept
 * (bad signature, expired, wrong issuer or audience) → 403; otherwise the verified token becomes
 * the request's {@link Caller} (so does a token sent as "bearer …", see {@link
 * AnyCaseBearerToken}). A filter, because a web.xml security constraint cannot be combined with
 * {@code @LoginConfig}, and it also covers the GraphQL WebSocket handshake.
 */
public class AuthenticationFilter extends HttpFilter {

  @Inject CurrentCaller currentCaller;
  @Inject IdentityStoreHandler identityStores;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String authorization = request.getHeader("Authorization");
    Optional<JsonWebToken> token =
        request.getUserPrincipal() instanceof JsonWebToken verified
            ? Optional.of(verified)
            : AnyCaseBearerToken.verify(authorization, identityStores);
    if (token.isPresent()) {
      currentCaller.set(callerOf(token.get()));
      chain.doFilter(request, response);
      return;
    }
    boolean credentialsGiven = authorization != null;
    if (!credentialsGiven) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"steward\"");
    }
    ErrorResponses.write(
        request,
        response,
        credentialsGiven ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_UNAUTHORIZED,
        credentialsGiven ? "FORBIDDEN" : "UNAUTHENTICATED",
        credentialsGiven
            ? "The access token is invalid or expired"
            : "Sign in: this endpoint needs a bearer access token");
  }

  static Caller callerOf(JsonWebToken token) {
    return Caller.fromToken(
        token.getSubject(),
        firstNonNull(token.getClaim("preferred_username"), token.getName()),
        token.getClaim("email"),
        firstNonNull(token.getClaim("name"), token.getName()),
        token.getGroups() == null ? Set.of() : token.getGroups(),
        stringsOf(token.getClaim("workspaces")));
  }

  private static Collection<String> stringsOf(Object claim) {
    if (claim instanceof jakarta.json.JsonArray array) {
      return array.getValuesAs(jakarta.json.JsonString.class).stream()
          .map(jakarta.json.JsonString::getString)
          .toList();
    }
    if (claim instanceof Collection<?> values) {
      return values.stream().map(String::valueOf).toList();
    }
    return List.of();
  }

  private static String firstNonNull(Object value, String fallback) {
    return value == null ? fallback : String.valueOf(value);
  }
}
