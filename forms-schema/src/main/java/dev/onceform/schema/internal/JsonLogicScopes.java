package dev.onceform.schema.internal;

import static dev.onceform.schema.internal.JsonLogicEvaluator.apply;
import static dev.onceform.schema.internal.JsonLogicEvaluator.truthy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The JSON Logic operations that evaluate their own arguments, as json-logic-js does: {@code if},
 * {@code ?:}, {@code and}, {@code or} (lazily) and the array operations {@code filter}, {@code
 * map}, {@code reduce}, {@code all}, {@code none}, {@code some} (their second argument is applied
 * to each element).
 */
final class JsonLogicScopes {
  private JsonLogicScopes() {}

  /** Returns the result, or {@code null} if {@code op} is not one of these operations. */
  static @Nullable JsonNode evaluate(String op, List<JsonNode> args, JsonNode data) {
    return switch (op) {
      case "if", "?:" -> conditional(args, data);
      case "and" -> andOr(args, data, false);
      case "or" -> andOr(args, data, true);
      case "filter", "map" -> filterMap(op, args, data);
      case "reduce" -> reduce(args, data);
      case "all", "none", "some" -> quantifier(op, args, data);
      default -> null;
    };
  }

  private static JsonNode conditional(List<JsonNode> args, JsonNode data) {
    int i = 0;
    for (; i < args.size() - 1; i += 2) {
      if (truthy(apply(args.get(i), data))) {
        return apply(args.get(i + 1), data);
      }
    }
    return args.size() == i + 1 ? apply(args.get(i), data) : JsonLogicEvaluator.nothing();
  }

  private static JsonNode andOr(List<JsonNode> args, JsonNode data, boolean or) {
    JsonNode current = JsonLogicEvaluator.nothing(); // JavaScript: undefined, for no arguments
    for (JsonNode arg : args) {
      current = apply(arg, data);
      if (truthy(current) == or) {
        return current;
      }
    }
    return current;
  }

  private static JsonNode scoped(List<JsonNode> args, JsonNode data) {
    return args.isEmpty() ? JsonLogicEvaluator.nothing() : apply(args.get(0), data);
  }

  private static JsonNode logic(List<JsonNode> args) {
    return args.size() > 1 ? args.get(1) : JsonLogicEvaluator.nothing();
  }

  private static JsonNode filterMap(String op, List<JsonNode> args, JsonNode data) {
    JsonNode items = scoped(args, data);
    ArrayNode out = JsonLogicEvaluator.array();
    if (!items.isArray()) {
      return out;
    }
    JsonNode logic = logic(args);
    for (JsonNode item : items) {
      JsonNode result = apply(logic, item);
      if (op.equals("map")) {
        out.add(result);
      } else if (truthy(result)) {
        out.add(item);
      }
    }
    return out;
  }

  private static JsonNode reduce(List<JsonNode> args, JsonNode data) {
    JsonNode items = scoped(args, data);
    JsonNode accumulator =
        args.size() > 2 ? apply(args.get(2), data) : JsonLogicEvaluator.nothing();
    if (!items.isArray()) {
      return accumulator;
    }
    JsonNode logic = logic(args);
    for (JsonNode item : items) {
      ObjectNode scope = JsonNodeFactory.instance.objectNode();
      scope.set("current", item);
      scope.set("accumulator", accumulator);
      accumulator = apply(logic, scope);
    }
    return accumulator;
  }

  private static JsonNode quantifier(String op, List<JsonNode> args, JsonNode data) {
    JsonNode items = scoped(args, data);
    if (!items.isArray() || items.isEmpty()) {
      return JsonLogicEvaluator.bool(op.equals("none"));
    }
    JsonNode logic = logic(args);
    for (JsonNode item : items) {
      boolean result = truthy(apply(logic, item));
      if (op.equals("all") && !result) {
        return JsonLogicEvaluator.bool(false);
      }
      if (!op.equals("all") && result) {
        return JsonLogicEvaluator.bool(op.equals("some"));
      }
    }
    return JsonLogicEvaluator.bool(!op.equals("some"));
  }
}
