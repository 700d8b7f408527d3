package dev.onceform.schema.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JavaScript's conversions and comparisons (ECMAScript ToNumber, ToString, parseFloat, {@code ==},
 * {@code ===}, {@code <}) over Jackson values, for {@link JsonLogicEvaluator}. A JSON object
 * becomes {@code "[object Object]"}, an array its elements joined by commas.
 */
final class JsValues {
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(Infinity|(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)");
  private static final Pattern NON_DECIMAL =
      Pattern.compile("0([xX][0-9a-fA-F]+|[oO][0-7]+|[bB][01]+)");

  private JsValues() {}

  /** ECMAScript ToNumber. */
  static double toNumber(JsonNode value) {
    if (value.isNumber()) {
      return value.doubleValue();
    }
    if (value.isMissingNode()) {
      return Double.NaN; // undefined
    }
    if (value.isNull()) {
      return 0;
    }
    if (value.isBoolean()) {
      return value.booleanValue() ? 1 : 0;
    }
    return stringToNumber(toPrimitiveString(value));
  }

  private static double stringToNumber(String text) {
    String s = text.strip();
    if (s.isEmpty()) {
      return 0;
    }
    if (DECIMAL.matcher(s).matches()) {
      return parse(s);
    }
    Matcher other = NON_DECIMAL.matcher(s);
    if (other.matches()) {
      char kind = Character.toLowerCase(s.charAt(1));
      int radix = kind == 'x' ? 16 : kind == 'o' ? 8 : 2;
      return new java.math.BigInteger(s.substring(2), radix).doubleValue();
    }
    return Double.NaN;
  }

  /** JavaScript's {@code parseFloat(String(value))}. */
  static double parseFloat(JsonNode value) {
    if (value.isNumber()) {
      return value.doubleValue();
    }
    String s = toJsString(value).stripLeading();
    Matcher m = DECIMAL.matcher(s);
    return m.lookingAt() ? parse(m.group()) : Double.NaN;
  }

  private static double parse(String decimal) {
    String s = decimal.startsWith("+") ? decimal.substring(1) : decimal;
    if (s.endsWith("Infinity")) {
      return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return Double.parseDouble(s);
  }

  /** ECMAScript ToString; for arrays, {@code Array.prototype.join(",")}. */
  static String toJsString(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isNull() || value.isMissingNode()) {
      return value.isNull() ? "null" : "undefined";
    }
    if (value.isNumber()) {
      return numberToString(value.doubleValue());
    }
    return value.isBoolean() ? String.valueOf(value.booleanValue()) : toPrimitiveString(value);
  }

  /** {@code String(value)} for an array or object; other values as {@link #toJsString}. */
  private static String toPrimitiveString(JsonNode value) {
    if (value.isArray()) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < value.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        JsonNode element = value.get(i);
        if (!element.isNull()) {
          out.append(toJsString(element));
        }
      }
      return out.toString();
    }
    return value.isObject() ? "[object Object]" : toJsString(value);
  }

  /** {@code Array.prototype.join("")} of one element: {@code null} becomes {@code ""}. */
  static String joinElement(JsonNode value) {
    return value.isNull() || value.isMissingNode() ? "" : toJsString(value);
  }

  /** ECMAScript Number::toString: {@code 1} not {@code 1.0}, {@code 1e+21}, {@code 1e-7}. */
  static String numberToString(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return "0";
    }
    BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = exact.unscaledValue().toString();
    int k = digits.length();
    int n = k - exact.scale(); // the decimal point sits after n digits
    String sign = d < 0 ? "-" : "";
    if (k <= n && n <= 21) {
      return sign + digits + "0".repeat(n - k);
    }
    if (0 < n && n <= 21) {
      return sign + digits.substring(0, n) + "." + digits.substring(n);
    }
    if (-6 < n && n <= 0) {
      return sign + "0." + "0".repeat(-n) + digits;
    }
    String exponent = (n - 1 >= 0 ? "+" : "-") + Math.abs(n - 1);
    String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return sign + mantissa + "e" + exponent;
  }

  /** JavaScript {@code a == b}; objects and arrays are equal only to the same node. */
  static boolean looseEquals(JsonNode a, JsonNode b) {
    boolean aNull = a.isNull() || a.isMissingNode();
    boolean bNull = b.isNull() || b.isMissingNode();
    if (aNull || bNull) {
      return aNull && bNull;
    }
    if (sameType(a, b)) {
      return strictEquals(a, b);
    }
    if (a.isBoolean()) {
      return looseEquals(JsonLogicEvaluator.number(toNumber(a)), b);
    }
    if (b.isBoolean()) {
      return looseEquals(a, JsonLogicEvaluator.number(toNumber(b)));
    }
    if (a.isContainerNode()) {
      return looseEquals(JsonLogicEvaluator.text(toPrimitiveString(a)), b);
    }
    if (b.isContainerNode()) {
      return looseEquals(a, JsonLogicEvaluator.text(toPrimitiveString(b)));
    }
    return toNumber(a) == toNumber(b); // a number and a string
  }

  /** JavaScript {@code a === b}; objects and arrays are equal only to the same node. */
  @SuppressWarnings("ReferenceEquality") // JavaScript compares objects and arrays by reference
  static boolean strictEquals(JsonNode a, JsonNode b) {
    if (!sameType(a, b)) {
      return false;
    }
    if (a.isNumber()) {
      return a.doubleValue() == b.doubleValue();
    }
    if (a.isContainerNode()) {
      return a == b;
    }
    if (a.isTextual()) {
      return a.textValue().equals(b.textValue());
    }
    return a.isNull() || a.booleanValue() == b.booleanValue();
  }

  private static boolean sameType(JsonNode a, JsonNode b) {
    if (a.isNumber() || b.isNumber()) {
      return a.isNumber() && b.isNumber();
    }
    if (a.isContainerNode() || b.isContainerNode()) {
      return a.isContainerNode() && b.isContainerNode();
    }
    boolean aNull = a.isNull() || a.isMissingNode();
    boolean bNull = b.isNull() || b.isMissingNode();
    return aNull == bNull && a.isTextual() == b.isTextual() && a.isBoolean() == b.isBoolean();
  }

  /**
   * JavaScript {@code a < b}: two strings (arrays and objects count by their string form) compare
   * by UTF-16 code units, anything else as numbers; {@code NaN} compares false.
   */
  static boolean lessThan(JsonNode a, JsonNode b) {
    if (stringish(a) && stringish(b)) {
      return toPrimitiveString(a).compareTo(toPrimitiveString(b)) < 0;
    }
    return toNumber(a) < toNumber(b);
  }

  /** JavaScript {@code a <= b}. */
  static boolean lessOrEqual(JsonNode a, JsonNode b) {
    if (stringish(a) && stringish(b)) {
      return toPrimitiveString(a).compareTo(toPrimitiveString(b)) <= 0;
    }
    return toNumber(a) <= toNumber(b);
  }

  private static boolean stringish(JsonNode value) {
    return value.isTextual() || value.isContainerNode();
  }
}
