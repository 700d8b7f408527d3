package dev.onceform.schema.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** JavaScript's property access and {@code substr}, for {@link JsonLogicOperations}. */
final class JsStrings {
  private JsStrings() {}

  /**
   * {@code value[name]}: an object member, an array element or a string's UTF-16 unit by index,
   * {@code length} of an array or string; {@link MissingNode} (undefined) for anything else.
   */
  static JsonNode property(JsonNode value, String name) {
    if (value.isObject()) {
      JsonNode member = value.get(name);
      return member == null ? MissingNode.getInstance() : member;
    }
    if (!value.isArray() && !value.isTextual()) {
      return MissingNode.getInstance();
    }
    int length = value.isArray() ? value.size() : value.textValue().length();
    if (name.equals("length")) {
      return JsonLogicEvaluator.number(length);
    }
    int index = index(name);
    if (index < 0 || index >= length) {
      return MissingNode.getInstance();
    }
    return value.isArray()
        ? value.get(index)
        : JsonLogicEvaluator.text(String.valueOf(value.textValue().charAt(index)));
  }

  /** A canonical array index ({@code 0}, {@code 12}, not {@code 012}), or -1. */
  private static int index(String name) {
    if (name.isEmpty() || name.length() > 9 || (name.length() > 1 && name.charAt(0) == '0')) {
      return -1;
    }
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) < '0' || name.charAt(i) > '9') {
        return -1;
      }
    }
    return Integer.parseInt(name);
  }

  /**
   * json-logic-js {@code substr}: {@code String(source).substr(start, end)}, where a negative
   * {@code end} drops that many characters from the end.
   */
  static String substr(JsonNode source, JsonNode start, JsonNode end) {
    String s = JsValues.toJsString(source);
    if (!end.isMissingNode() && JsValues.lessThan(end, JsonLogicEvaluator.number(0))) {
      String rest = substr(s, start, MissingNode.getInstance());
      JsonNode length =
          end.isNumber()
              ? JsonLogicEvaluator.number(rest.length() + end.doubleValue())
              // JavaScript: temp.length + end concatenates when end is not a number
              : JsonLogicEvaluator.text(rest.length() + JsValues.toJsString(end));
      return substr(rest, JsonLogicEvaluator.number(0), length);
    }
    return substr(s, start, end);
  }

  /** {@code String.prototype.substr(start, length)}. */
  private static String substr(String s, JsonNode start, JsonNode length) {
    int size = s.length();
    double from = integer(start);
    int begin = from < 0 ? (int) Math.max(size + from, 0) : (int) Math.min(from, (double) size);
    double count = length.isMissingNode() ? size : integer(length);
    int stop = (int) Math.min(begin + Math.min(Math.max(count, 0), size), size);
    return begin >= stop ? "" : s.substring(begin, stop);
  }

  /** ECMAScript ToIntegerOrInfinity. */
  private static double integer(JsonNode value) {
    double d = JsValues.toNumber(value);
    return Double.isNaN(d) ? 0 : d < 0 ? Math.ceil(d) : Math.floor(d);
  }
}
