package io.steward.shared.interfaces.graphql.limits;

import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnmodifiedType;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Measures a document's operations as if every fragment were expanded, without expanding them: each
 * fragment is measured once for each page size it is used with, so a document of 40 fragments that
 * each spread the previous one twice is measured in 40 steps, not 2^40. On the way it has the
 * arguments of every field checked, once per field in the document.
 *
 * <p>Complexity counts the fields a request would resolve: a list resolves its selection once per
 * item, taking its page size ({@code first}) or that of the connection above it, or else an
 * estimate. Lists of the schema's own description (introspection) count once: they are small and in
 * memory.
 */
final class QueryInspector {

  private static final String PAGE_SIZE = "first";
  private static final long MAX_PAGE_SIZE = 10_000;

  private final GraphQLSchema schema;
  private final Map<String, FragmentDefinition> fragments = new HashMap<>();
  private final Map<String, Object> variables;
  private final ArgumentCheck arguments;
  private final long listSizeEstimate;
  private final Map<String, QueryCost> measuredFragments = new HashMap<>();
  private final Set<String> expanding = new HashSet<>();
  private final Set<Field> checkedFields = Collections.newSetFromMap(new IdentityHashMap<>());

  private QueryInspector(
      GraphQLSchema schema,
      Document document,
      Map<String, Object> variables,
      GraphQLLimits limits) {
    this.schema = schema;
    this.variables = variables;
    this.arguments = new ArgumentCheck(variables, limits.maxListItems());
    this.listSizeEstimate = limits.listSizeEstimate();
    for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
      fragments.putIfAbsent(fragment.getName(), fragment);
    }
  }

  /**
   * The figures of the largest operation of the document (only one runs, but a refusal must not
   * depend on which); throws a refusal for an argument its type cannot take.
   */
  static QueryCost inspect(
      GraphQLSchema schema,
      Document document,
      Map<String, Object> variables,
      GraphQLLimits limits) {
    QueryInspector inspector =
        new QueryInspector(schema, document, variables == null ? Map.of() : variables, limits);
    QueryCost largest = QueryCost.NONE;
    for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
      GraphQLType root =
          switch (operation.getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
          };
      largest = largest.largest(inspector.selections(operation.getSelectionSet(), root, 0));
    }
    return largest;
  }

  /** A selection set of {@code parent}; {@code pageSize} is the page size of the field above. */
  private QueryCost selections(SelectionSet set, GraphQLType parent, long pageSize) {
    QueryCost cost = QueryCost.NONE;
    if (set == null) {
      return cost;
    }
    for (Selection<?> selection : set.getSelections()) {
      if (selection instanceof Field field) {
        cost = cost.beside(field(field, parent, pageSize));
      } else if (selection instanceof InlineFragment inline) {
        GraphQLType type =
            inline.getTypeCondition() == null
                ? parent
                : schema.getType(inline.getTypeCondition().getName());
        cost = cost.beside(selections(inline.getSelectionSet(), type, pageSize));
      } else if (selection instanceof FragmentSpread spread) {
        cost = cost.beside(spread(spread.getName(), pageSize));
      }
    }
    return cost;
  }

  private QueryCost field(Field field, GraphQLType parent, long pageSize) {
    GraphQLFieldDefinition definition = definitionOf(parent, field.getName());
    if (definition == null) {
      // __typename, or a field GraphQL's validation will refuse
      return QueryCost.field(
          field.getAlias() != null, 1, selections(field.getSelectionSet(), null, 0));
    }
    if (checkedFields.add(field)) {
      arguments.check(field, definition);
    }
    GraphQLUnmodifiedType type = GraphQLTypeUtil.unwrapAll(definition.getType());
    boolean list = GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(definition.getType()));
    long ownPageSize = pageSizeOf(field, definition);
    long times = 1;
    if (list && !type.getName().startsWith("__")) {
      times = ownPageSize > 0 ? ownPageSize : pageSize > 0 ? pageSize : listSizeEstimate;
    }
    // A connection's page size counts at the list below it (its edges); a list counts its own.
    QueryCost selected = selections(field.getSelectionSet(), type, list ? 0 : ownPageSize);
    return QueryCost.field(field.getAlias() != null, times, selected);
  }

  private QueryCost spread(String name, long pageSize) {
    FragmentDefinition fragment = fragments.get(name);
    if (fragment == null || expanding.contains(name)) {
      // unknown or cyclic: GraphQL's validation refuses the document
      return QueryCost.NONE.spread();
    }
    String key = name + "@" + pageSize;
    QueryCost measured = measuredFragments.get(key);
    if (measured == null) {
      expanding.add(name);
      measured =
          selections(
                  fragment.getSelectionSet(),
                  schema.getType(fragment.getTypeCondition().getName()),
                  pageSize)
              .spread();
      expanding.remove(name);
      measuredFragments.put(key, measured);
    }
    return measured;
  }

  private GraphQLFieldDefinition definitionOf(GraphQLType parent, String name) {
    if (parent == schema.getQueryType()) {
      if (name.equals(schema.getIntrospectionSchemaFieldDefinition().getName())) {
        return schema.getIntrospectionSchemaFieldDefinition();
      }
      if (name.equals(schema.getIntrospectionTypeFieldDefinition().getName())) {
        return schema.getIntrospectionTypeFieldDefinition();
      }
    }
    return parent instanceof GraphQLFieldsContainer fields ? fields.getFieldDefinition(name) : null;
  }

  /** The page size a field asks for: its {@code first} argument, given or by default; else 0. */
  private long pageSizeOf(Field field, GraphQLFieldDefinition definition) {
    GraphQLArgument declared = definition.getArgument(PAGE_SIZE);
    if (declared == null) {
      return 0;
    }
    Object value = null;
    for (Argument argument : field.getArguments()) {
      if (argument.getName().equals(PAGE_SIZE)) {
        value =
            argument.getValue() instanceof VariableReference reference
                ? variables.get(reference.getName())
                : argument.getValue();
      }
    }
    if (value == null && declared.hasSetDefaultValue()) {
      value = declared.getArgumentDefaultValue().getValue();
    }
    long size = 0;
    if (value instanceof IntValue literal) {
      size = literal.getValue().min(java.math.BigInteger.valueOf(MAX_PAGE_SIZE)).longValue();
    } else if (value instanceof Number number) {
      size = Math.min(MAX_PAGE_SIZE, number.longValue());
    }
    return Math.max(0, size);
  }
}
