package io.steward.knowledge.interfaces.health;

import io.steward.knowledge.domain.KnowledgeIndex;
import io.steward.shared.interfaces.health.BackgroundProbes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the knowledge search index answers a query (checked in the background; see
 * BackgroundProbes).
 */
@Readiness
@ApplicationScoped
public class KnowledgeIndexReadiness implements HealthCheck {

  private static final String NAME = "knowledge-index";

  @Inject KnowledgeIndex index;
  @Inject BackgroundProbes probes;

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    probes.start(NAME, index::isReachable);
  }

  @Override
  public HealthCheckResponse call() {
    return probes.answer(NAME);
  }
}
