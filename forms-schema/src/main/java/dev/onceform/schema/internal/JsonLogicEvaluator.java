package dev.onceform.schema.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates JSON Logic expressions over Jackson trees with the semantics of json-logic-js 2.0.5,
 * the library browsers run: JavaScript truthiness ({@code []} and {@code ""} are false, {@code "0"}
 * is true), {@code ==} with JavaScript coercion, {@code <} comparing two strings by UTF-16 code
 * units (so ISO dates compare as dates), {@code +} and {@code *} with {@code parseFloat}, {@code
 * cat} with JavaScript number formatting, {@code missing} counting {@code null} and {@code ""} as
 * missing. Numbers are doubles, as in JavaScript; {@code NaN} and infinities are {@link
 * DoubleNode}s.
 *
 * <p>Parity with json-logic-js is tested on a corpus (core's {@code JsonLogicParityTest}). Known
 * gaps, none reachable from a linted form: {@code method} is not supported (the linter forbids it),
 * {@code var} does not see JavaScript prototype properties (only {@code length} of arrays and
 * strings), and two object or array values are {@code ==} only when they are the same node, as
 * JavaScript compares references.
 *
 * <p>Stateless and thread-safe. Not API; may change without notice.
 */
public final class JsonLogicEvaluator {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonLogicEvaluator() {}

  /** A rule that json-logic-js would also reject (an unknown operator, for example). */
  public static final class EvaluationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EvaluationException(String message) {
      super(message);
    }
  }

  /**
   * Applies an expression to data, like {@code jsonLogic.apply(logic, data)}.
   *
   * @throws EvaluationException for an unknown operator or {@code method}
   */
  public static JsonNode apply(JsonNode logic, JsonNode data) {
    if (logic.isArray()) {
      ArrayNode out = NODES.arrayNode(logic.size());
      logic.forEach(element -> out.add(apply(element, data)));
      return out;
    }
    if (!logic.isObject() || logic.size() != 1) {
      return logic;
    }
    String op = logic.fieldNames().next();
    JsonNode operand = logic.get(op);
    List<JsonNode> args = new ArrayList<>();
    if (operand.isArray()) {
      operand.forEach(args::add);
    } else {
      args.add(operand);
    }
    JsonNode special = JsonLogicScopes.evaluate(op, args, data);
    if (special != null) {
      return special;
    }
    List<JsonNode> values = new ArrayList<>(args.size());
    for (JsonNode arg : args) {
      values.add(apply(arg, data));
    }
    return JsonLogicOperations.apply(op, values, data);
  }

  /** Returns whether a value is truthy for JSON Logic: JavaScript's, plus {@code []} is false. */
  public static boolean truthy(JsonNode value) {
    if (value.isArray()) {
      return value.size() > 0;
    }
    if (value.isNull() || value.isMissingNode()) {
      return false;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isNumber()) {
      double d = value.doubleValue();
      return d != 0 && !Double.isNaN(d);
    }
    if (value.isTextual()) {
      return !value.textValue().isEmpty();
    }
    return true;
  }

  static JsonNode bool(boolean value) {
    return BooleanNode.valueOf(value);
  }

  static JsonNode number(double value) {
    return DoubleNode.valueOf(value);
  }

  static JsonNode text(String value) {
    return TextNode.valueOf(value);
  }

  static JsonNode nothing() {
    return NullNode.getInstance();
  }

  static ArrayNode array() {
    return NODES.arrayNode();
  }

  static EvaluationException unknown(String op) {
    return new EvaluationException("Unrecognized operation " + op);
  }
}
