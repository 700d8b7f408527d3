package dev.onceform.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.onceform.schema.FormChange.Kind;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The keywords {@link FormDiffer} compares by value: {@code type}, {@code enum}, {@code const},
 * bounds, {@code format}, {@code pattern}, the {@code x-*} annotations and the rest. Adds one
 * {@link FormChange} per changed keyword.
 */
final class KeywordDiff {
  private static final Set<String> LOWER_BOUNDS =
      Set.of(
          "minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties", "minContains");
  private static final Set<String> UPPER_BOUNDS =
      Set.of(
          "maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties", "maxContains");
  private static final Set<String> ANNOTATIONS =
      Set.of(
          "title",
          "description",
          "$comment",
          "examples",
          "default",
          "deprecated",
          "readOnly",
          "writeOnly",
          "$id",
          "contentMediaType",
          "contentEncoding",
          "contentSchema");

  private final List<FormChange> changes;

  KeywordDiff(List<FormChange> changes) {
    this.changes = changes;
  }

  static boolean isBound(String key) {
    return LOWER_BOUNDS.contains(key) || UPPER_BOUNDS.contains(key);
  }

  private void add(String field, String at, Kind kind, boolean breaking, String description) {
    changes.add(new FormChange(field, at, kind, breaking, description));
  }

  /** Keywords compared as plain values: the kind and whether a change breaks depend on the key. */
  void value(String key, @Nullable JsonNode was, @Nullable JsonNode now, String at, String field) {
    String what = describe(field) + " " + transition(was, now);
    switch (key) {
      case "format" -> add(field, at, Kind.FORMAT_CHANGED, now != null, "format of " + what);
      case "x-codelist" ->
          add(field, at, Kind.CODELIST_CHANGED, now != null, "code list of " + what);
      case "x-label", "x-help" -> add(field, at, Kind.LABEL_CHANGED, false, key + " " + what);
      case "x-prefill" -> add(field, at, Kind.PREFILL_CHANGED, false, "prefill binding " + what);
      case "x-visible-if" -> add(field, at, Kind.RULE_CHANGED, false, "visibility rule " + what);
      case "x-compute" -> add(field, at, Kind.RULE_CHANGED, false, "computation " + what);
      case "x-order", "x-section", "x-widget" ->
          add(field, at, Kind.LAYOUT_CHANGED, false, key + " " + what);
      case "pattern", "multipleOf", "dependentRequired", "x-not-future", "x-personal-id" ->
          add(
              field,
              at,
              now == null ? Kind.CONSTRAINT_LOOSENED : Kind.CONSTRAINT_TIGHTENED,
              now != null,
              key + " " + what);
      case "uniqueItems" -> {
        boolean tighter = now != null && now.asBoolean() && (was == null || !was.asBoolean());
        add(
            field,
            at,
            tighter ? Kind.CONSTRAINT_TIGHTENED : Kind.CONSTRAINT_LOOSENED,
            tighter,
            key + " " + what);
      }
      default -> {
        if (ANNOTATIONS.contains(key)) {
          add(field, at, Kind.ANNOTATION_CHANGED, false, key + " " + what);
        } else {
          add(field, at, Kind.KEYWORD_CHANGED, true, key + " " + what);
        }
      }
    }
  }

  void type(@Nullable JsonNode was, @Nullable JsonNode now, String at, String field) {
    Set<String> from = was == null ? Set.of() : names(was);
    Set<String> to = now == null ? Set.of() : names(now);
    boolean widened =
        now == null
            || (was != null
                && from.stream()
                    .allMatch(
                        t -> to.contains(t) || (t.equals("integer") && to.contains("number"))));
    add(
        field,
        at,
        Kind.TYPE_CHANGED,
        !widened,
        "type of " + describe(field) + " " + transition(was, now));
  }

  void enumeration(
      String key, @Nullable JsonNode was, @Nullable JsonNode now, String at, String field) {
    Set<JsonNode> from = values(was);
    Set<JsonNode> to = values(now);
    List<JsonNode> removed = from.stream().filter(v -> !to.contains(v)).toList();
    boolean narrowed = now != null && (was == null || !removed.isEmpty());
    String detail =
        was != null && now != null && !removed.isEmpty()
            ? " (no longer allows " + removed + ")"
            : "";
    add(
        field,
        at,
        narrowed ? Kind.ENUM_NARROWED : Kind.ENUM_WIDENED,
        narrowed,
        key + " of " + describe(field) + " " + transition(was, now) + detail);
  }

  void bound(String key, @Nullable JsonNode was, @Nullable JsonNode now, String at, String field) {
    boolean tighter;
    if (now == null) {
      tighter = false;
    } else if (was == null || !was.isNumber() || !now.isNumber()) {
      tighter = true;
    } else {
      int order = now.decimalValue().compareTo(was.decimalValue());
      tighter = LOWER_BOUNDS.contains(key) ? order > 0 : order < 0;
    }
    add(
        field,
        at,
        tighter ? Kind.CONSTRAINT_TIGHTENED : Kind.CONSTRAINT_LOOSENED,
        tighter,
        key + " of " + describe(field) + " " + transition(was, now));
  }

  static Set<String> names(JsonNode node) {
    Set<String> names = new LinkedHashSet<>();
    if (node.isTextual()) {
      names.add(node.asText());
    }
    node.forEach(n -> names.add(n.asText()));
    return names;
  }

  private static Set<JsonNode> values(@Nullable JsonNode node) {
    Set<JsonNode> values = new LinkedHashSet<>();
    if (node != null && node.isArray()) {
      node.forEach(v -> values.add(normalized(v)));
    } else if (node != null) {
      values.add(normalized(node));
    }
    return values;
  }

  /** Numbers compare by value: 1 and 1.0 are the same enum value. */
  private static JsonNode normalized(JsonNode value) {
    if (!value.isNumber()) {
      return value;
    }
    BigDecimal number = value.decimalValue().stripTrailingZeros();
    return JsonNodeFactory.instance.numberNode(number);
  }

  static String transition(@Nullable JsonNode was, @Nullable JsonNode now) {
    if (was == null) {
      return "added: " + now;
    }
    if (now == null) {
      return "removed (was " + was + ")";
    }
    return "changed from " + was + " to " + now;
  }

  static String describe(String field) {
    return field.isEmpty() ? "the form" : field;
  }
}
