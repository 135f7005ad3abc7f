package io.steward.shared.interfaces.graphql.limits;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import io.smallrye.graphql.execution.QueryCache;
import io.smallrye.graphql.spi.EventingService;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Installs Steward's GraphQL limits when SmallRye builds its GraphQL engine (found through {@code
 * META-INF/services}). An instrumentation set here replaces the one SmallRye set, so SmallRye's
 * query cache — both an instrumentation and the document provider — is installed again with it.
 */
public class GraphQLLimitsExtension implements EventingService {

  @Override
  public String getConfigKey() {
    return null; // always on
  }

  @Override
  public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
    QueryCache cache = new QueryCache();
    LimitsInstrumentation limits =
        new LimitsInstrumentation(GraphQLLimits.from(ConfigProvider.getConfig()));
    return builder
        .instrumentation(new ChainedInstrumentation(List.of(cache, limits)))
        .preparsedDocumentProvider(cache);
  }
}
