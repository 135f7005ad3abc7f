package io.steward;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The REST API under /api. {@code @LoginConfig} turns on MicroProfile JWT for the whole web module
 * (GraphQL included); it must be a CDI bean to be found in an EAR.
 */
@ApplicationPath("/api")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"platform-admin", "user"})
public class StewardApplication extends Application {

  @Override
  public Map<String, Object> getProperties() {
    // Without this, @RolesAllowed was ignored after fresh EAR deploys on Payara.
    return Map.of(
        "jersey.config.server.provider.classnames",
        "org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature");
  }
}
