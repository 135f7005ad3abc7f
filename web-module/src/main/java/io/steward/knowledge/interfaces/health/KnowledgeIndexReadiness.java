package io.steward.knowledge.interfaces.health;

import io.steward.knowledge.domain.KnowledgeIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the knowledge search index answers a query. */
@Readiness
@ApplicationScoped
public class KnowledgeIndexReadiness implements HealthCheck {

  @Inject KnowledgeIndex index;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("knowledge-index").status(index.isReachable()).build();
  }
}
