package dev.onceform.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import dev.onceform.schema.FormChange.Kind;
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

  /** Keywords whose value is one subschema, absent meaning {@code true}; not the item ones. */
  private static final Set<String> SUBSCHEMAS =
      Set.of("additionalProperties", "unevaluatedProperties", "propertyNames", "then", "else");

  /** Keywords whose value is one subschema applied to array items, absent meaning {@code true}. */
  private static final Set<String> ITEM_SUBSCHEMAS =
      Set.of("items", "additionalItems", "unevaluatedItems");

  private final List<FormChange> changes = new ArrayList<>();
  private final KeywordDiff keywords = new KeywordDiff(changes);

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
        compareKeyword(key, was, now, from, to, at + Pointers.member(key), field);
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
      keywords.type(was, now, at, field);
    } else if (key.equals("enum") || key.equals("const")) {
      keywords.enumeration(key, was, now, at, field);
    } else if (KeywordDiff.isBound(key)) {
      keywords.bound(key, was, now, at, field);
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
      keywords.value(key, was, now, at, field);
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
      String at = "/x-form" + Pointers.member(key);
      Kind kind = key.equals("title") ? Kind.LABEL_CHANGED : Kind.ANNOTATION_CHANGED;
      add("", at, kind, false, "x-form " + key + " " + KeywordDiff.transition(a, b));
    }
  }

  private void compareProperties(JsonNode from, JsonNode to, String at, String field) {
    JsonNode was = from.path("properties");
    JsonNode now = to.path("properties");
    Set<String> required = KeywordDiff.names(to.path("required"));
    Set<String> keys = new LinkedHashSet<>();
    now.fieldNames().forEachRemaining(keys::add);
    was.fieldNames().forEachRemaining(keys::add);
    for (String name : keys) {
      String child = at + Pointers.member(name);
      String childField = field + Pointers.member(name);
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
    Set<String> was = KeywordDiff.names(from.path("required"));
    Set<String> now = KeywordDiff.names(to.path("required"));
    for (String name : now) {
      boolean newField = !from.path("properties").has(name) && to.path("properties").has(name);
      if (!was.contains(name) && !newField) {
        add(
            field + Pointers.member(name),
            at,
            Kind.REQUIRED_ADDED,
            true,
            "field " + field + Pointers.member(name) + " became required");
      }
    }
    for (String name : was) {
      if (!now.contains(name)) {
        add(
            field + Pointers.member(name),
            at,
            Kind.REQUIRED_REMOVED,
            false,
            "field " + field + Pointers.member(name) + " is no longer required");
      }
    }
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
    add(
        field,
        at,
        Kind.KEYWORD_CHANGED,
        true,
        key + " of " + KeywordDiff.describe(field) + " changed");
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
      String child = at + Pointers.member(name);
      if (a != null && b != null) {
        compareSchema(a, b, child, definitions ? "" : field);
      } else if (definitions) {
        // An added or removed definition matters only where a $ref changes, which is reported.
        add(
            field,
            child,
            Kind.ANNOTATION_CHANGED,
            false,
            key + " " + name + " " + KeywordDiff.transition(a, b));
      } else {
        add(
            field,
            child,
            b == null ? Kind.CONSTRAINT_LOOSENED : Kind.CONSTRAINT_TIGHTENED,
            b != null,
            key + " " + name + " " + KeywordDiff.transition(a, b));
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
}
