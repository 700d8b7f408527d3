package dev.onceform.schema.internal;

import static dev.onceform.schema.internal.JsValues.lessOrEqual;
import static dev.onceform.schema.internal.JsValues.lessThan;
import static dev.onceform.schema.internal.JsValues.looseEquals;
import static dev.onceform.schema.internal.JsValues.parseFloat;
import static dev.onceform.schema.internal.JsValues.strictEquals;
import static dev.onceform.schema.internal.JsValues.toJsString;
import static dev.onceform.schema.internal.JsValues.toNumber;
import static dev.onceform.schema.internal.JsonLogicEvaluator.bool;
import static dev.onceform.schema.internal.JsonLogicEvaluator.number;
import static dev.onceform.schema.internal.JsonLogicEvaluator.text;
import static dev.onceform.schema.internal.JsonLogicEvaluator.truthy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The JSON Logic operations whose arguments are evaluated first, as json-logic-js 2.0.5 defines
 * them. A missing argument is JavaScript's {@code undefined} ({@link MissingNode}).
 */
final class JsonLogicOperations {
  private JsonLogicOperations() {}

  static JsonNode apply(String op, List<JsonNode> values, JsonNode data) {
    JsonNode a = arg(values, 0);
    JsonNode b = arg(values, 1);
    return switch (op) {
      case "==" -> bool(looseEquals(a, b));
      case "===" -> bool(strictEquals(a, b));
      case "!=" -> bool(!looseEquals(a, b));
      case "!==" -> bool(!strictEquals(a, b));
      case ">" -> bool(lessThan(b, a));
      case ">=" -> bool(lessOrEqual(b, a));
      case "<" -> bool(lessThan(a, b) && (values.size() < 3 || lessThan(b, values.get(2))));
      case "<=" -> bool(lessOrEqual(a, b) && (values.size() < 3 || lessOrEqual(b, values.get(2))));
      case "!!" -> bool(truthy(a));
      case "!" -> bool(!truthy(a));
      case "%" -> number(toNumber(a) % toNumber(b));
      case "log" -> a.isMissingNode() ? JsonLogicEvaluator.nothing() : a;
      case "in" -> bool(in(a, b));
      case "cat" -> text(cat(values));
      case "substr" -> text(JsStrings.substr(a, b, arg(values, 2)));
      case "+" -> number(plus(values));
      case "*" -> times(values);
      case "-" -> number(values.size() < 2 ? -toNumber(a) : toNumber(a) - toNumber(b));
      case "/" -> number(toNumber(a) / toNumber(b));
      case "min" -> number(extreme(values, false));
      case "max" -> number(extreme(values, true));
      case "merge" -> merge(values);
      case "var" -> variable(values, data);
      case "missing" -> missing(values, data);
      case "missing_some" -> missingSome(a, b, data);
      default -> throw JsonLogicEvaluator.unknown(op);
    };
  }

  private static JsonNode arg(List<JsonNode> values, int index) {
    return index < values.size() ? values.get(index) : MissingNode.getInstance();
  }

  private static boolean in(JsonNode a, JsonNode b) {
    if (b.isTextual()) {
      return !b.textValue().isEmpty() && b.textValue().contains(toJsString(a));
    }
    if (b.isArray()) {
      for (JsonNode element : b) {
        if (strictEquals(element, a)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String cat(List<JsonNode> values) {
    StringBuilder out = new StringBuilder();
    values.forEach(v -> out.append(JsValues.joinElement(v)));
    return out.toString();
  }

  private static double plus(List<JsonNode> values) {
    double sum = 0;
    for (JsonNode value : values) {
      sum += parseFloat(value);
    }
    return sum;
  }

  private static JsonNode times(List<JsonNode> values) {
    if (values.isEmpty()) {
      throw new JsonLogicEvaluator.EvaluationException(
          "Reduce of empty array with no initial value");
    }
    if (values.size() == 1) {
      return values.get(0); // Array.prototype.reduce without an initial value returns it as is
    }
    double product = parseFloat(values.get(0));
    for (int i = 1; i < values.size(); i++) {
      product *= parseFloat(values.get(i));
    }
    return number(product);
  }

  private static double extreme(List<JsonNode> values, boolean max) {
    double result = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    for (JsonNode value : values) {
      double d = toNumber(value);
      if (Double.isNaN(d)) {
        return Double.NaN;
      }
      result = max ? Math.max(result, d) : Math.min(result, d);
    }
    return result;
  }

  private static JsonNode merge(List<JsonNode> values) {
    ArrayNode out = JsonLogicEvaluator.array();
    for (JsonNode value : values) {
      if (value.isArray()) {
        out.addAll((ArrayNode) value);
      } else {
        out.add(value.isMissingNode() ? JsonLogicEvaluator.nothing() : value);
      }
    }
    return out;
  }

  private static JsonNode variable(List<JsonNode> values, JsonNode data) {
    JsonNode path = arg(values, 0);
    JsonNode notFound = values.size() > 1 ? values.get(1) : JsonLogicEvaluator.nothing();
    if (path.isMissingNode() || path.isNull() || (path.isTextual() && path.textValue().isEmpty())) {
      return data;
    }
    JsonNode current = data;
    String dotted = toJsString(path);
    int start = 0;
    while (true) { // the segments between dots, empty ones included (as split("\\.", -1) gives)
      int dot = dotted.indexOf('.', start);
      String property = dot < 0 ? dotted.substring(start) : dotted.substring(start, dot);
      if (current.isNull() || current.isMissingNode()) {
        return notFound;
      }
      current = JsStrings.property(current, property);
      if (current.isMissingNode()) {
        return notFound;
      }
      if (dot < 0) {
        return current;
      }
      start = dot + 1;
    }
  }

  private static JsonNode missing(List<JsonNode> values, JsonNode data) {
    List<JsonNode> keys = values;
    if (!values.isEmpty() && values.get(0).isArray()) {
      keys = new java.util.ArrayList<>();
      values.get(0).forEach(keys::add);
    }
    ArrayNode out = JsonLogicEvaluator.array();
    for (JsonNode key : keys) {
      ObjectNode lookup = JsonNodeFactory.instance.objectNode();
      lookup.set("var", key);
      JsonNode value = JsonLogicEvaluator.apply(lookup, data);
      if (value.isNull() || value.isMissingNode() || "".equals(value.textValue())) {
        out.add(key);
      }
    }
    return out;
  }

  private static JsonNode missingSome(JsonNode needCount, JsonNode options, JsonNode data) {
    ObjectNode lookup = JsonNodeFactory.instance.objectNode();
    lookup.set("missing", options);
    JsonNode missing = JsonLogicEvaluator.apply(lookup, data);
    double available = options.isArray() ? options.size() - missing.size() : Double.NaN;
    return available >= toNumber(needCount) ? JsonLogicEvaluator.array() : missing;
  }
}
