package dev.onceform.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Writes a JSON value in one canonical form, so that equal values digest equally however they were
 * parsed: object members sorted by name, no white space, numbers without exponent or trailing zeros
 * ({@code 5}, {@code 5.0} and {@code 5e0} are equal), strings in Unicode NFC.
 */
public final class CanonicalJson {
  private CanonicalJson() {}

  /** Returns a value in canonical form. */
  public static String write(JsonNode value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(JsonNode value, StringBuilder out) {
    if (value.isObject()) {
      List<Map.Entry<String, JsonNode>> members = new ArrayList<>(value.properties());
      Collections.sort(members, Map.Entry.comparingByKey());
      out.append('{');
      for (int i = 0; i < members.size(); i++) {
        out.append(i == 0 ? "" : ",").append(quote(members.get(i).getKey())).append(':');
        write(members.get(i).getValue(), out);
      }
      out.append('}');
    } else if (value.isArray()) {
      out.append('[');
      for (int i = 0; i < value.size(); i++) {
        out.append(i == 0 ? "" : ",");
        write(value.get(i), out);
      }
      out.append(']');
    } else if (value.isTextual()) {
      out.append(quote(value.asText()));
    } else if (value.isNumber()) {
      out.append(
          value.isIntegralNumber()
              ? value.bigIntegerValue().toString()
              : value.decimalValue().stripTrailingZeros().toPlainString());
    } else {
      out.append(value.isMissingNode() ? "null" : value.toString());
    }
  }

  private static String quote(String text) {
    return JsonNodeFactory.instance
        .textNode(Normalizer.normalize(text, Normalizer.Form.NFC))
        .toString();
  }
}
