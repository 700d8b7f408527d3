package dev.onceform.schema;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.onceform.schema.FormChange.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Compares two form documents keyword by keyword (see {@link FormDefinition#diff}). Subschemas
 * whose tightening tightens the whole (properties, items, allOf, then, ...) are compared
 * recursively; any other difference is a {@link Kind#KEYWORD_CHANGED breaking} change.
 */
final class FormDiffer {
  static final String DIFFERENT_FORMS = "OF-DIFF-101";

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

  /** Keywords whose value is one subschema, absent meaning {@code true}; not the item ones. */
  private static final Set<String> SUBSCHEMAS =
      Set.of("additionalProperties", "unevaluatedProperties", "propertyNames", "then", "else");

  /** Keywords whose value is one subschema applied to array items, absent meaning {@code true}. */
  private static final Set<String> ITEM_SUBSCHEMAS =
      Set.of("items", "additionalItems", "unevaluatedItems");

  private final List<FormChange> changes = new ArrayList<>();

  private FormDiffer() {}

  static FormDiff diff(FormDefinition from, FormDefinition to) {
    if (!from.id().equals(to.id())) {
      throw new OnceFormException(
          DIFFERENT_FORMS,
          "cannot diff different forms '"
              + from.id()
              + "' ("
              + from.source()
              + ") and '"
              + to.id()
              + "' ("
              + to.source()
              + "); pass two versions of one form");
    }
    FormDiffer differ = new FormDiffer();
    differ.compareSchema(from.schema(), to.schema(), "", "");
    return new FormDiff(from.toString(), to.toString(), differ.changes);
  }

  private void add(String field, String at, Kind kind, boolean breaking, String description) {
    changes.add(new FormChange(field, at, kind, breaking, description));
  }

  private void compareSchema(JsonNode from, JsonNode to, String at, String field) {
    if (from.equals(to)) {
      return;
    }
    if (!from.isObject() || !to.isObject()) {
      boolean loosened = to.equals(BooleanNode.TRUE);
      add(
          field,
          at,
          loosened ? Kind.CONSTRAINT_LOOSENED : Kind.KEYWORD_CHANGED,
          !loosened,
          "schema " + at + " changed from " + from + " to " + to);
      return;
    }
    Set<String> keys = new LinkedHashSet<>();
    to.fieldNames().forEachRemaining(keys::add);
    from.fieldNames().forEachRemaining(keys::add);
    for (String key : keys) {
      JsonNode was = from.get(key);
      JsonNode now = to.get(key);
      if (was == null || now == null || !was.equals(now)) {
        compareKeyword(key, was, now, from, to, at + escape(key), field);
      }
    }
  }

  private void compareKeyword(
      String key,
      @Nullable JsonNode was,
      @Nullable JsonNode now,
      JsonNode from,
      JsonNode to,
      String at,
      String field) {
    if (at.equals("/x-form")) {
      compareHeader(was, now);
    } else if (key.equals("properties")) {
      compareProperties(from, to, at, field);
    } else if (key.equals("required")) {
      compareRequired(from, to, at, field);
    } else if (key.equals("type")) {
      compareType(was, now, at, field);
    } else if (key.equals("enum") || key.equals("const")) {
      compareEnum(key, was, now, at, field);
    } else if (LOWER_BOUNDS.contains(key) || UPPER_BOUNDS.contains(key)) {
      compareBound(key, was, now, at, field);
    } else if (SUBSCHEMAS.contains(key)) {
      compareSchema(orTrue(was), orTrue(now), at, field);
    } else if (ITEM_SUBSCHEMAS.contains(key)) {
      compareSchema(orTrue(was), orTrue(now), at, field + "/*");
    } else if (Set.of("allOf", "anyOf", "prefixItems").contains(key)) {
      compareSchemaList(key, was, now, at, field);
    } else if (Set.of("$defs", "definitions", "patternProperties", "dependentSchemas")
        .contains(key)) {
      compareSchemaMap(key, was, now, at, field);
    } else {
      compareValue(key, was, now, at, field);
    }
  }

  /** Keywords compared as plain values: the kind and whether a change breaks depend on the key. */
  private void compareValue(
      String key, @Nullable JsonNode was, @Nullable JsonNode now, String at, String field) {
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
      case "pattern", "multipleOf", "dependentRequired" ->
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

  private void compareHeader(@Nullable JsonNode was, @Nullable JsonNode now) {
    JsonNode from = was == null ? BooleanNode.TRUE : was;
    JsonNode to = now == null ? BooleanNode.TRUE : now;
    Set<String> keys = new LinkedHashSet<>();
    to.fieldNames().forEachRemaining(keys::add);
    from.fieldNames().forEachRemaining(keys::add);
    for (String key : keys) {
      JsonNode a = from.get(key);
      JsonNode b = to.get(key);
      if (key.equals("version") || (a != null && a.equals(b))) {
        continue;
      }
      String at = "/x-form" + escape(key);
      Kind kind = key.equals("title") ? Kind.LABEL_CHANGED : Kind.ANNOTATION_CHANGED;
      add("", at, kind, false, "x-form " + key + " " + transition(a, b));
    }
  }

  private void compareProperties(JsonNode from, JsonNode to, String at, String field) {
    JsonNode was = from.path("properties");
    JsonNode now = to.path("properties");
    Set<String> required = names(to.path("required"));
    Set<String> keys = new LinkedHashSet<>();
    now.fieldNames().forEachRemaining(keys::add);
    was.fieldNames().forEachRemaining(keys::add);
    for (String name : keys) {
      String child = at + escape(name);
      String childField = field + escape(name);
      JsonNode a = was.get(name);
      JsonNode b = now.get(name);
      if (a != null && b != null) {
        compareSchema(a, b, child, childField);
      } else if (b != null) {
        boolean isRequired = required.contains(name);
        boolean open = !closed(from);
        String why =
            isRequired
                ? "required, so drafts without it fail"
                : open
                    ? "optional, but the old version accepted any value under that name"
                    : "optional";
        add(
            childField,
            child,
            Kind.FIELD_ADDED,
            isRequired || open,
            "field " + childField + " added (" + why + ")");
      } else {
        boolean rejected = !openForAnything(to);
        add(
            childField,
            child,
            Kind.FIELD_REMOVED,
            rejected,
            "field "
                + childField
                + " removed"
                + (rejected ? " (drafts that have it no longer validate)" : ""));
      }
    }
  }

  private void compareRequired(JsonNode from, JsonNode to, String at, String field) {
    Set<String> was = names(from.path("required"));
    Set<String> now = names(to.path("required"));
    for (String name : now) {
      boolean newField = !from.path("properties").has(name) && to.path("properties").has(name);
      if (!was.contains(name) && !newField) {
        add(
            field + escape(name),
            at,
            Kind.REQUIRED_ADDED,
            true,
            "field " + field + escape(name) + " became required");
      }
    }
    for (String name : was) {
      if (!now.contains(name)) {
        add(
            field + escape(name),
            at,
            Kind.REQUIRED_REMOVED,
            false,
            "field " + field + escape(name) + " is no longer required");
      }
    }
  }

  private void compareType(
      @Nullable JsonNode was, @Nullable JsonNode now, String at, String field) {
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

  private void compareEnum(
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

  private void compareBound(
      String key, @Nullable JsonNode was, @Nullable JsonNode now, String at, String field) {
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

  private void compareSchemaList(
      String key, @Nullable JsonNode was, @Nullable JsonNode now, String at, String field) {
    if (was != null && now != null && was.isArray() && now.isArray() && was.size() == now.size()) {
      for (int i = 0; i < now.size(); i++) {
        String item = key.equals("prefixItems") ? field + "/" + i : field;
        compareSchema(was.get(i), now.get(i), at + "/" + i, item);
      }
      return;
    }
    add(field, at, Kind.KEYWORD_CHANGED, true, key + " of " + describe(field) + " changed");
  }

  private void compareSchemaMap(
      String key, @Nullable JsonNode was, @Nullable JsonNode now, String at, String field) {
    JsonNode from = was == null ? BooleanNode.TRUE : was;
    JsonNode to = now == null ? BooleanNode.TRUE : now;
    boolean definitions = key.equals("$defs") || key.equals("definitions");
    Set<String> names = new LinkedHashSet<>();
    to.fieldNames().forEachRemaining(names::add);
    from.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      JsonNode a = from.get(name);
      JsonNode b = to.get(name);
      String child = at + escape(name);
      if (a != null && b != null) {
        compareSchema(a, b, child, definitions ? "" : field);
      } else if (definitions) {
        // An added or removed definition matters only where a $ref changes, which is reported.
        add(
            field,
            child,
            Kind.ANNOTATION_CHANGED,
            false,
            key + " " + name + " " + transition(a, b));
      } else {
        add(
            field,
            child,
            b == null ? Kind.CONSTRAINT_LOOSENED : Kind.CONSTRAINT_TIGHTENED,
            b != null,
            key + " " + name + " " + transition(a, b));
      }
    }
  }

  /** Whether an object schema rejects properties it does not declare. */
  private static boolean closed(JsonNode schema) {
    return schema.path("additionalProperties").equals(BooleanNode.FALSE)
        || schema.path("unevaluatedProperties").equals(BooleanNode.FALSE);
  }

  /** Whether an object schema accepts any value under a name it does not declare. */
  private static boolean openForAnything(JsonNode schema) {
    return isTrue(schema.get("additionalProperties"))
        && isTrue(schema.get("unevaluatedProperties"))
        && !schema.has("patternProperties")
        && !schema.has("propertyNames");
  }

  private static boolean isTrue(@Nullable JsonNode schema) {
    return schema == null
        || schema.equals(BooleanNode.TRUE)
        || (schema.isObject() && schema.isEmpty());
  }

  private static JsonNode orTrue(@Nullable JsonNode schema) {
    return schema == null ? BooleanNode.TRUE : schema;
  }

  private static Set<String> names(JsonNode node) {
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

  private static String transition(@Nullable JsonNode was, @Nullable JsonNode now) {
    if (was == null) {
      return "added: " + now;
    }
    if (now == null) {
      return "removed (was " + was + ")";
    }
    return "changed from " + was + " to " + now;
  }

  private static String describe(String field) {
    return field.isEmpty() ? "the form" : field;
  }

  static String escape(String name) {
    return JsonPointer.empty().appendProperty(name).toString();
  }
}
