package dev.onceform.core.adapters;

import dev.onceform.core.spi.RegistryQuery;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A text with placeholders {@code {subjectId}}, {@code {purpose}}, {@code {formId}} and {@code
 * {correlationId}}, parsed once and expanded per query.
 */
final class Template {
  static final Set<String> VARIABLES = Set.of("subjectId", "purpose", "formId", "correlationId");

  /** Literal text, or a variable name when {@code variable} is true. */
  private record Part(String text, boolean variable) {}

  private final List<Part> parts;

  private Template(List<Part> parts) {
    this.parts = List.copyOf(parts);
  }

  /**
   * Parses a template.
   *
   * @throws IllegalArgumentException for an unknown or unclosed placeholder
   */
  static Template parse(String text, String what) {
    List<Part> parts = new ArrayList<>();
    int at = 0;
    while (at < text.length()) {
      int open = text.indexOf('{', at);
      if (open < 0) {
        parts.add(new Part(text.substring(at), false));
        break;
      }
      int close = text.indexOf('}', open);
      if (close < 0) {
        throw new IllegalArgumentException(
            what + " has an unclosed '{' at index " + open + ", but was " + text);
      }
      String name = text.substring(open + 1, close);
      if (!VARIABLES.contains(name)) {
        throw new IllegalArgumentException(
            what
                + " has the unknown placeholder {"
                + name
                + "}; use {subjectId}, {purpose}, {formId} or {correlationId}");
      }
      if (open > at) {
        parts.add(new Part(text.substring(at, open), false));
      }
      parts.add(new Part(name, true));
      at = close + 1;
    }
    return new Template(parts);
  }

  boolean hasVariables() {
    return parts.stream().anyMatch(Part::variable);
  }

  /** Expands the template, passing each variable's value through {@code encode}. */
  String expand(Map<String, String> values, UnaryOperator<String> encode) {
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      if (part.variable()) {
        String value = values.get(part.text());
        out.append(encode.apply(value == null ? "" : value));
      } else {
        out.append(part.text());
      }
    }
    return out.toString();
  }

  /** Returns the variable values of a query. */
  static Map<String, String> values(RegistryQuery query) {
    return Map.of(
        "subjectId", query.subjectId(),
        "purpose", query.purpose().code(),
        "formId", query.formId(),
        "correlationId", query.correlationId());
  }

  /**
   * Percent-encodes every UTF-8 byte except the RFC 3986 unreserved characters, so a value is safe
   * in a path segment and in a query parameter.
   */
  static String percentEncode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
