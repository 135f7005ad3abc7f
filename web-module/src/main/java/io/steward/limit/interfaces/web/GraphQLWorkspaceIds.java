package io.steward.limit.interfaces.web;

import graphql.GraphQLException;
import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.parser.Parser;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import io.steward.tenancy.domain.WorkspaceId;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The workspaces a GraphQL request names, read before it runs: every {@code workspaceId} argument
 * of its document, given literally or through a variable — the arguments every operation on a
 * workspace takes. A request that is not well-formed names none; GraphQL answers it with its own
 * error.
 */
final class GraphQLWorkspaceIds {

  private static final String ARGUMENT = "workspaceId";

  private GraphQLWorkspaceIds() {}

  /** From a POSTed body: {@code {"query": …, "variables": {…}}}. */
  static Set<WorkspaceId> inBody(byte[] body) {
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
      JsonObject request = reader.readObject();
      return request.get("query") instanceof JsonString query
          ? named(query.getString(), request.get("variables"))
          : Set.of();
    } catch (RuntimeException notAnObject) {
      // not JSON, not an object, or nested deeper than the parser goes (it throws a bare
      // RuntimeException then): GraphQLRequestFilter answers such a body with its own error
      return Set.of();
    }
  }

  /** From the parameters of a GET request. */
  static Set<WorkspaceId> inParameters(String query, String variables) {
    if (query == null) {
      return Set.of();
    }
    if (variables == null) {
      return named(query, JsonValue.NULL);
    }
    try (JsonReader reader = Json.createReader(new StringReader(variables))) {
      return named(query, reader.readValue());
    } catch (RuntimeException notJson) {
      return named(query, JsonValue.NULL);
    }
  }

  private static Set<WorkspaceId> named(String query, JsonValue variables) {
    Document document;
    try {
      document = Parser.parse(query);
    } catch (GraphQLException notADocument) {
      return Set.of();
    }
    Set<WorkspaceId> workspaces = new LinkedHashSet<>();
    new NodeTraverser()
        .depthFirst(
            new NodeVisitorStub() {
              @Override
              public TraversalControl visitArgument(
                  Argument argument, TraverserContext<Node> context) {
                if (argument.getName().equals(ARGUMENT)) {
                  idOf(argument.getValue(), variables).ifPresent(workspaces::add);
                }
                return TraversalControl.CONTINUE;
              }
            },
            document);
    return workspaces;
  }

  private static Optional<WorkspaceId> idOf(Value<?> value, JsonValue variables) {
    if (value instanceof StringValue literal) {
      return WorkspaceId.ifValid(literal.getValue());
    }
    if (value instanceof VariableReference reference
        && variables instanceof JsonObject given
        && given.get(reference.getName()) instanceof JsonString variable) {
      return WorkspaceId.ifValid(variable.getString());
    }
    return Optional.empty();
  }
}
