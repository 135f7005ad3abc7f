package io.steward.shared.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** Publishes {@link SqlStatementCounter} as the metric {@code steward_sql_statements}. */
@Singleton
@Startup
public class SqlStatementMetric {

  @Inject MetricRegistry metrics;

  @PostConstruct
  void register() {
    metrics.gauge(
        Metadata.builder()
            .withName("steward.sql.statements")
            .withDescription("SQL statements prepared by the application since it started")
            .build(),
        SqlStatementCounter::count);
  }
}
