package io.steward.shared.interfaces.health;

import io.steward.shared.infrastructure.persistence.DatabaseHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Inject DatabaseHealth database;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("database").status(database.isReachable()).build();
  }
}
