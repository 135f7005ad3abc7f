package io.steward.tenancy.interfaces.web;

import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens whose scheme is not spelled "Bearer": RFC 7235 makes the scheme case-insensitive,
 * but Payara's MicroProfile JWT mechanism, which authenticates before any filter runs, takes only
 * "Bearer " and passes on "bearer …" as if no token were given. Such a token is verified by the
 * identity store Payara's mechanism hands its tokens to (Payara's own {@code SignedJWTCredential}),
 * so it meets the same keys, issuer, audience and expiry checks.
 */
final class AnyCaseBearerToken {

  private static final Pattern BEARER = Pattern.compile("(?i)bearer[ \t]+(\\S+)[ \t]*");
  private static final String PAYARA_JWT_CREDENTIAL =
      "fish.payara.microprofile.jwtauth.eesecurity.SignedJWTCredential";

  private AnyCaseBearerToken() {}

  /** The verified token of an {@code Authorization} header with the bearer scheme in any case. */
  static Optional<JsonWebToken> verify(String authorization, IdentityStoreHandler identityStores) {
    if (authorization == null) {
      return Optional.empty();
    }
    Matcher bearer = BEARER.matcher(authorization);
    if (!bearer.matches()) {
      return Optional.empty();
    }
    CredentialValidationResult result = identityStores.validate(credential(bearer.group(1)));
    return result.getStatus() == CredentialValidationResult.Status.VALID
            && result.getCallerPrincipal() instanceof JsonWebToken token
        ? Optional.of(token)
        : Optional.empty();
  }

  private static Credential credential(String token) {
    try {
      return (Credential)
          Class.forName(PAYARA_JWT_CREDENTIAL).getConstructor(String.class).newInstance(token);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Payara's MicroProfile JWT credential is not available", e);
    }
  }
}
