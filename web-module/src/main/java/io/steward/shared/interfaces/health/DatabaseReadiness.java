package io.steward.shared.interfaces.health;

import io.steward.shared.infrastructure.persistence.DatabaseHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the database takes a query (checked in the background; see BackgroundProbes). */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  private static final String NAME = "database";

  @Inject DatabaseHealth database;
  @Inject BackgroundProbes probes;

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    probes.start(NAME, database::isReachable);
  }

  @Override
  public HealthCheckResponse call() {
    return probes.answer(NAME);
  }
}
