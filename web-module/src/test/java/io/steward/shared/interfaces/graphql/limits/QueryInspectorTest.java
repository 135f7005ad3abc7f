package io.steward.shared.interfaces.graphql.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.introspection.IntrospectionQuery;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Measures documents against the published schema, the way requests are measured. */
class QueryInspectorTest {

  private static final GraphQLLimits LIMITS =
      new GraphQLLimits(15, 1000, 100, 200, 10_000, 100, 10, Duration.ofSeconds(15));
  private static GraphQLSchema schema;

  @BeforeAll
  static void publishedSchema() throws Exception {
    String contract = Files.readString(Path.of("../graphql-schema/schema.graphql"));
    schema =
        new SchemaGenerator()
            .makeExecutableSchema(new SchemaParser().parse(contract), RuntimeWiring.MOCKED_WIRING);
  }

  @Test
  void should_count_fields_depth_and_cost_with_page_sizes_and_list_estimates() {
    QueryCost cost =
        measure(
            "{ tasks(workspaceId: \"w\", first: 5) { edges { node { id assignees { userId } } } } }",
            Map.of());
    assertEquals(5, cost.depth());
    assertEquals(6, cost.fields());
    // tasks 1 + edges (1 + 5 pages × node (1 + id 1 + assignees (1 + 10 estimated × userId 1)))
    assertEquals(1 + 1 + 5 * (1 + 1 + 1 + 10), cost.complexity());
  }

  @Test
  void should_take_the_page_size_from_variables_and_from_the_schema_default() {
    String query =
        "query($n: Int) { tasks(workspaceId: \"w\", first: $n) { edges { node { id } } } }";
    assertEquals(1 + 1 + 50 * 2, measure(query, Map.of("n", 50)).complexity());
    // no value: the schema's default page size of 20
    assertEquals(1 + 1 + 20 * 2, measure(query, Map.of()).complexity());
  }

  @Test
  void should_measure_a_fragment_bomb_without_expanding_it_and_refuse_it() {
    StringBuilder document = new StringBuilder("{ me { ...F39 } } fragment F0 on Me { username }");
    for (int i = 1; i <= 39; i++) {
      document.append(" fragment F%d on Me { ...F%d ...F%d }".formatted(i, i - 1, i - 1));
    }
    QueryCost cost = measure(document.toString(), Map.of());
    assertEquals(1L << 39, cost.fields() - 1, "2^39 usernames under me");
    assertEquals(
        "steward.graphql.max-fragment-spreads", refusal(document.toString(), Map.of()).limit());
  }

  @Test
  void should_refuse_deep_nesting_by_depth_whatever_its_cost() {
    StringBuilder query = new StringBuilder("{ contact(workspaceId: \"w\", id: \"c\") {");
    for (int i = 0; i < 75; i++) {
      query.append(" company { contacts {");
    }
    query.append(" id").append(" } }".repeat(75)).append(" } }");
    QueryCost cost = measure(query.toString(), Map.of());
    assertEquals(152, cost.depth());
    assertEquals(QueryCost.SATURATED, cost.complexity(), "10^75 contacts saturate");
    assertEquals("steward.graphql.max-depth", refusal(query.toString(), Map.of()).limit());
  }

  @Test
  void should_refuse_an_alias_flood_and_an_expensive_query_within_the_depth() {
    StringBuilder aliases = new StringBuilder("{");
    for (int i = 0; i < 1000; i++) {
      aliases.append(" t").append(i).append(": tasks(workspaceId: \"w\") { totalCount }");
    }
    assertEquals("steward.graphql.max-aliases", refusal(aliases + " }", Map.of()).limit());

    String wide =
        "{ companies(workspaceId: \"w\", first: 100) { edges { node {"
            + " contacts { company { contacts { company { contacts { id } } } } } } } } }";
    assertEquals("steward.graphql.max-complexity", refusal(wide, Map.of()).limit());
  }

  @Test
  void should_let_the_full_introspection_query_of_graphiql_through() {
    String introspection = IntrospectionQuery.INTROSPECTION_QUERY;
    LIMITS.enforce(QueryInspector.inspect(schema, Parser.parse(introspection), Map.of(), LIMITS));
  }

  @Test
  void should_refuse_long_lists_in_literals_variables_and_input_objects() {
    List<String> ids = Collections.nCopies(101, "x");
    Refused variable =
        refusal(
            "query($f: TaskFilter) { tasks(workspaceId: \"w\", filter: $f) { totalCount } }",
            Map.of("f", Map.of("statuses", Collections.nCopies(200_000, "TODO"))));
    assertEquals("filter.statuses", variable.field());
    assertEquals("steward.graphql.max-list-items", variable.limit());
    Refused direct =
        refusal(
            "query($ids: [ID]) { searchKnowledge(workspaceId: \"w\", query: \"q\","
                + " filter: {documentIds: $ids}) { totalCount } }",
            Map.of("ids", ids));
    assertEquals("filter.documentIds", direct.field());
    measure(
        "query($ids: [ID]) { searchKnowledge(workspaceId: \"w\", query: \"q\","
            + " filter: {documentIds: $ids}) { totalCount } }",
        Map.of("ids", ids.subList(0, 100)));
  }

  @Test
  void should_refuse_dates_that_do_not_parse_wherever_they_are() {
    String create = "mutation($i: TaskInput!) { createTask(workspaceId: \"w\", input: $i) { id } }";
    Refused nested = refusal(create, Map.of("i", Map.of("title", "x", "dueDate", "2026-13-45")));
    assertEquals("input.dueDate", nested.field());
    assertTrue(nested.message().contains("must be a date"), nested.message());
    measure(create, Map.of("i", Map.of("title", "x", "dueDate", "2026-12-31")));

    Refused literal =
        refusal(
            "mutation { logInteraction(workspaceId: \"w\", contactId: \"c\", input: {kind: CALL,"
                + " summary: \"s\", occurredAt: \"yesterday\"}) { id } }",
            Map.of());
    assertEquals("input.occurredAt", literal.field());
  }

  @Test
  void should_refuse_whole_numbers_that_are_not_whole_or_do_not_fit() {
    String score =
        "mutation($i: ContactInput!) { updateContact(workspaceId: \"w\", id: \"c\", version: 0,"
            + " input: $i) { id } }";
    Refused wrapped = refusal(score, Map.of("i", Map.of("name", "n", "leadScore", 4294967346L)));
    assertEquals("input.leadScore", wrapped.field());
    measure(score, Map.of("i", Map.of("name", "n", "leadScore", 50)));
    Refused literal =
        refusal(
            "mutation { updateAiSettings(workspaceId: \"w\", settings: {monthlyTokenBudget: 1.5})"
                + " { version } }",
            Map.of());
    assertEquals("settings.monthlyTokenBudget", literal.field());
    measure(
        "mutation { updateAiSettings(workspaceId: \"w\", settings: {monthlyTokenBudget: 2e6})"
            + " { version } }",
        Map.of());
  }

  @Test
  void should_not_loop_on_cyclic_fragments_which_validation_refuses() {
    QueryCost cost =
        measure("{ me { ...A } } fragment A on Me { ...B } fragment B on Me { ...A }", Map.of());
    assertEquals(3, cost.fragmentSpreads());
  }

  private static QueryCost measure(String document, Map<String, Object> variables) {
    return QueryInspector.inspect(schema, Parser.parse(document), variables, LIMITS);
  }

  private record Refused(String message, String limit, String field) {}

  private static Refused refusal(String document, Map<String, Object> variables) {
    AbortExecutionException abort =
        assertThrows(
            AbortExecutionException.class, () -> LIMITS.enforce(measure(document, variables)));
    GraphQLError error = abort.getUnderlyingErrors().get(0);
    assertEquals("VALIDATION", error.getExtensions().get("code"));
    return new Refused(
        error.getMessage(),
        (String) error.getExtensions().get("limit"),
        (String) error.getExtensions().get("field"));
  }
}
