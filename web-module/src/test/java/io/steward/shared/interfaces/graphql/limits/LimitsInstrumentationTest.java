package io.steward.shared.interfaces.graphql.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The instrumentation in a real GraphQL engine, with a schema whose fields take their time. */
class LimitsInstrumentationTest {

  private final AtomicInteger fetches = new AtomicInteger();

  @Test
  void should_stop_resolving_fields_once_the_request_ran_out_of_time() {
    GraphQL graphql = engine(Duration.ofMillis(700));
    graphql.execute("{ __typename }"); // parsing and validating for the first time takes a while
    ExecutionResult result = graphql.execute("{ a: slow b: slow c: slow d: slow e: slow }");
    assertEquals(3, fetches.get(), "300 ms each: the fourth would start after the 700 ms");
    Map<String, Object> data = result.getData();
    assertEquals("done", data.get("a"));
    assertNull(data.get("e"));
    assertEquals(1, result.getErrors().size(), "one error, not one per field left out");
    assertEquals("QUOTA_EXCEEDED", result.getErrors().get(0).getExtensions().get("code"));
  }

  @Test
  void should_refuse_before_running_anything_and_again_when_the_document_is_cached() {
    GraphQL graphql = engine(Duration.ofSeconds(10));
    String query = "query($n: Int) { pages(first: $n) { slow } }";
    ExecutionResult small = graphql.execute(input(query, 3));
    assertEquals(0, small.getErrors().size(), small.getErrors().toString());
    // the same document, already parsed and validated, with a page size over the cost limit
    ExecutionResult large = graphql.execute(input(query, 200));
    assertEquals(
        "steward.graphql.max-complexity", large.getErrors().get(0).getExtensions().get("limit"));
    assertEquals(3, fetches.get(), "only the small request fetched");
  }

  private static ExecutionInput input(String query, int pageSize) {
    return ExecutionInput.newExecutionInput(query).variables(Map.of("n", pageSize)).build();
  }

  private GraphQL engine(Duration timeout) {
    GraphQLSchema schema =
        new SchemaGenerator()
            .makeExecutableSchema(
                new SchemaParser()
                    .parse(
                        "type Query { slow: String pages(first: Int): [Page] }"
                            + " type Page { slow: String }"),
                RuntimeWiring.newRuntimeWiring()
                    .type(
                        "Query",
                        t ->
                            t.dataFetcher("slow", e -> slow())
                                .dataFetcher(
                                    "pages",
                                    e ->
                                        java.util.Collections.nCopies(
                                            e.<Integer>getArgument("first"), "page")))
                    .type(
                        "Page",
                        t ->
                            t.dataFetcher(
                                "slow",
                                e -> {
                                  fetches.incrementAndGet();
                                  return "page";
                                }))
                    .build());
    GraphQLLimits limits = new GraphQLLimits(15, 1000, 100, 200, 100, 100, 10, timeout);
    return GraphQL.newGraphQL(schema)
        .instrumentation(new LimitsInstrumentation(limits))
        .preparsedDocumentProvider(new io.smallrye.graphql.execution.QueryCache())
        .build();
  }

  private String slow() throws InterruptedException {
    fetches.incrementAndGet();
    Thread.sleep(300);
    return "done";
  }
}
