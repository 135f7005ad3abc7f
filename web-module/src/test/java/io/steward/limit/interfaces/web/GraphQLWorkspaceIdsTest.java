package io.steward.limit.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.steward.tenancy.domain.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Tests that the workspaces a GraphQL request names are found before it runs. */
class GraphQLWorkspaceIdsTest {

  private static final String A = "a0000000-0000-4000-8000-000000000001";
  private static final String B = "b0000000-0000-4000-8000-000000000002";

  @Test
  void should_find_workspace_ids_given_literally_and_through_variables() {
    String body =
        """
        {"query": "query($ws: ID!) { tasks(workspaceId: $ws) { totalCount } \
        ...F } fragment F on Query { projects(workspaceId: \\"%s\\") { totalCount } }",
         "variables": {"ws": "%s"}}"""
            .formatted(B, A);

    assertEquals(Set.of(id(A), id(B)), GraphQLWorkspaceIds.inBody(bytes(body)));
  }

  @Test
  void should_find_them_in_the_parameters_of_a_get_request() {
    assertEquals(
        Set.of(id(A)),
        GraphQLWorkspaceIds.inParameters(
            "query($ws: ID!) { agents(workspaceId: $ws) { name } }", "{\"ws\": \"" + A + "\"}"));
    assertEquals(
        Set.of(id(A)),
        GraphQLWorkspaceIds.inParameters("{ agents(workspaceId: \"" + A + "\") { name } }", null));
  }

  @Test
  void should_ignore_other_arguments_and_values_that_are_no_workspace_ids() {
    String body =
        """
        {"query": "query($ws: ID!, $id: ID!) { task(workspaceId: $ws, id: $id) { title } \
        other: task(workspaceId: \\"not-an-id\\", id: $id) { title } }",
         "variables": {"ws": 42, "id": "%s"}}"""
            .formatted(A);

    assertEquals(Set.of(), GraphQLWorkspaceIds.inBody(bytes(body)));
  }

  @Test
  void should_name_none_for_requests_that_are_not_well_formed() {
    for (String body :
        new String[] {
          "", "not json", "[]", "{\"query\": 1}", "{\"query\": \"{ tasks(workspaceId: \"}"
        }) {
      assertEquals(Set.of(), GraphQLWorkspaceIds.inBody(bytes(body)), body);
    }
    assertEquals(Set.of(), GraphQLWorkspaceIds.inParameters(null, null));
  }

  private static WorkspaceId id(String text) {
    return new WorkspaceId(UUID.fromString(text));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
