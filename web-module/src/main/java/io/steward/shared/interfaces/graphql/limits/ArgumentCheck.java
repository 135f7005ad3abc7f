package io.steward.shared.interfaces.graphql.limits;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.Field;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the arguments a request gives its fields before anything runs: no list longer than the
 * limit (a filter of 200,000 ids would become as many SQL parameters), dates and times that parse
 * and whole numbers that are whole and fit — the GraphQL layer would otherwise answer a bad one
 * inside an input object with an error naming Java classes, or wrap it silently. Literals and
 * variables are checked the same way; each variable once, where it is first used.
 */
final class ArgumentCheck {

  private static final Object ALREADY_CHECKED = new Object();
  private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
  private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

  private final Map<String, Object> variables;
  private final int maxListItems;
  private final Set<String> checkedVariables = new HashSet<>();

  ArgumentCheck(Map<String, Object> variables, int maxListItems) {
    this.variables = variables;
    this.maxListItems = maxListItems;
  }

  void check(Field field, GraphQLFieldDefinition definition) {
    for (Argument argument : field.getArguments()) {
      GraphQLArgument declared = definition.getArgument(argument.getName());
      if (declared != null) {
        check(valueOf(argument.getValue()), declared.getType(), argument.getName());
      }
    }
  }

  private void check(Object value, GraphQLType type, String path) {
    GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(type);
    if (value instanceof List<?> items) {
      if (items.size() > maxListItems) {
        throw Refusal.tooManyItems(path, items.size(), maxListItems);
      }
      GraphQLType itemType =
          unwrapped instanceof GraphQLList list ? list.getWrappedType() : unwrapped;
      for (Object item : items) {
        check(item, itemType, path);
      }
    } else if (value instanceof Map<?, ?> fields && unwrapped instanceof GraphQLInputObjectType t) {
      for (Map.Entry<?, ?> entry : fields.entrySet()) {
        GraphQLInputObjectField declared = t.getField(String.valueOf(entry.getKey()));
        if (declared != null) {
          check(entry.getValue(), declared.getType(), path + "." + entry.getKey());
        }
      }
    } else if (value instanceof String text && unwrapped instanceof GraphQLScalarType scalar) {
      checkTemporal(text, scalar.getName(), path);
    } else if (value instanceof Number number && unwrapped instanceof GraphQLScalarType scalar) {
      checkWhole(number, scalar.getName(), path);
    }
  }

  /**
   * An {@code Int} must fit 32 bits and a {@code BigInteger} have no fraction: the GraphQL layer
   * would otherwise wrap the one silently and answer the other with an error naming Java classes.
   */
  private static void checkWhole(Number number, String scalar, String path) {
    if (!scalar.equals("Int") && !scalar.equals("BigInteger")) {
      return;
    }
    BigDecimal value =
        number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
    if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
      throw Refusal.invalid(path, "must be a whole number");
    }
    if (scalar.equals("Int") && (value.compareTo(INT_MIN) < 0 || value.compareTo(INT_MAX) > 0)) {
      throw Refusal.invalid(
          path, "must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
    }
  }

  private static void checkTemporal(String text, String scalar, String path) {
    try {
      switch (scalar) {
        case "Date" -> DateTimeFormatter.ISO_LOCAL_DATE.parse(text);
        case "DateTime" -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text);
        default -> {
          // other scalars are checked by GraphQL itself and by the application
        }
      }
    } catch (DateTimeParseException e) {
      throw Refusal.invalid(
          path,
          scalar.equals("Date")
              ? "must be a date such as 2026-12-31"
              : "must be a date and time with its offset, such as 2026-12-31T09:30:00Z");
    }
  }

  /** A literal as the JSON-like value a variable would carry; a variable's own value once. */
  private Object valueOf(Value<?> literal) {
    if (literal instanceof VariableReference reference) {
      return checkedVariables.add(reference.getName())
          ? variables.get(reference.getName())
          : ALREADY_CHECKED;
    }
    if (literal instanceof ArrayValue array) {
      List<Object> items = new ArrayList<>(array.getValues().size());
      for (Value<?> item : array.getValues()) {
        items.add(valueOf(item));
      }
      return items;
    }
    if (literal instanceof ObjectValue object) {
      Map<String, Object> fields = new LinkedHashMap<>();
      for (ObjectField field : object.getObjectFields()) {
        fields.put(field.getName(), valueOf(field.getValue()));
      }
      return fields;
    }
    if (literal instanceof StringValue string) {
      return string.getValue();
    }
    if (literal instanceof IntValue number) {
      return number.getValue();
    }
    if (literal instanceof FloatValue number) {
      return number.getValue();
    }
    if (literal instanceof BooleanValue bool) {
      return bool.isValue();
    }
    if (literal instanceof EnumValue constant) {
      return constant.getName();
    }
    return null;
  }
}
