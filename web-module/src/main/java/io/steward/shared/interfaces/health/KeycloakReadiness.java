package io.steward.shared.interfaces.health;

import io.steward.workspace.domain.MembershipDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

@Readiness
@ApplicationScoped
public class KeycloakReadiness implements HealthCheck {

  @Inject MembershipDirectory directory;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("keycloak").status(directory.isReachable()).build();
  }
}
