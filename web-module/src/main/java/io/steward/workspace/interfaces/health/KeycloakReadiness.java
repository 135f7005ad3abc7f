package io.steward.workspace.interfaces.health;

import io.steward.shared.interfaces.health.BackgroundProbes;
import io.steward.workspace.domain.MembershipDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while Keycloak answers (checked in the background; see BackgroundProbes). */
@Readiness
@ApplicationScoped
public class KeycloakReadiness implements HealthCheck {

  private static final String NAME = "keycloak";

  @Inject MembershipDirectory directory;
  @Inject BackgroundProbes probes;

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    probes.start(NAME, directory::isReachable);
  }

  @Override
  public HealthCheckResponse call() {
    return probes.answer(NAME);
  }
}
