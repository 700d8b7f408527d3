package dev.onceform.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every subschema of a form document, in document order, with the submission field it describes.
 * Annotation values ({@code x-*}, {@code enum}, {@code default}, ...) are not entered, so a {@code
 * $ref} or {@code x-label} inside them is not taken for a keyword.
 */
final class SchemaTree {
  private static final Set<String> ONE = Set.of("not", "if", "then", "else", "contains");
  private static final Set<String> ONE_SAME_OBJECT =
      Set.of("additionalProperties", "unevaluatedProperties", "propertyNames");
  private static final Set<String> LISTS = Set.of("allOf", "anyOf", "oneOf");
  private static final Set<String> ITEMS = Set.of("items", "additionalItems", "unevaluatedItems");
  private static final Set<String> MAPS =
      Set.of("$defs", "definitions", "patternProperties", "dependentSchemas");

  /**
   * One subschema.
   *
   * @param pointer its JSON Pointer in the document
   * @param field the JSON Pointer of the submission value it describes ({@code /mother/fullName};
   *     array items as {@code /*}), if it is reached from the root through properties, items and
   *     in-place applicators ({@code allOf}, {@code then}, ...); empty under {@code $defs} and the
   *     like
   * @param schema the subschema (an object; boolean schemas are left out)
   * @param property whether it is the value of a {@code properties} member, i.e. a form field
   */
  record Node(String pointer, Optional<String> field, JsonNode schema, boolean property) {}

  private final List<Node> nodes = new ArrayList<>();
  private final Set<String> fields = new LinkedHashSet<>();

  private SchemaTree() {}

  /** Walks a form document. */
  static SchemaTree of(JsonNode root) {
    SchemaTree tree = new SchemaTree();
    tree.visit(root, "", Optional.of(""), false);
    return tree;
  }

  /** Returns every object subschema, in document order. */
  List<Node> nodes() {
    return nodes;
  }

  /**
   * Returns the submission pointers of every field (leaf or object) the form declares, array items
   * written {@code /*}; the root {@code ""} included.
   */
  Set<String> fields() {
    return fields;
  }

  private void visit(JsonNode schema, String pointer, Optional<String> field, boolean property) {
    if (!schema.isObject()) {
      return;
    }
    nodes.add(new Node(pointer, field, schema, property));
    field.ifPresent(fields::add);
    for (Map.Entry<String, JsonNode> entry : schema.properties()) {
      String key = entry.getKey();
      JsonNode value = entry.getValue();
      String at = pointer + FormDiffer.escape(key);
      if (key.equals("properties")) {
        for (Map.Entry<String, JsonNode> p : value.properties()) {
          String name = FormDiffer.escape(p.getKey());
          visit(p.getValue(), at + name, field.map(f -> f + name), true);
        }
      } else if (ONE.contains(key)) {
        visit(value, at, key.equals("contains") ? Optional.empty() : field, false);
      } else if (ONE_SAME_OBJECT.contains(key)) {
        visit(value, at, Optional.empty(), false);
      } else if (ITEMS.contains(key)) {
        visit(value, at, field.map(f -> f + "/*"), false);
      } else if (key.equals("prefixItems")) {
        for (int i = 0; i < value.size(); i++) {
          String index = "/" + i;
          visit(value.get(i), at + index, field.map(f -> f + index), false);
        }
      } else if (LISTS.contains(key)) {
        for (int i = 0; i < value.size(); i++) {
          visit(value.get(i), at + "/" + i, field, false);
        }
      } else if (MAPS.contains(key)) {
        for (Map.Entry<String, JsonNode> p : value.properties()) {
          Optional<String> same = key.equals("dependentSchemas") ? field : Optional.empty();
          visit(p.getValue(), at + FormDiffer.escape(p.getKey()), same, false);
        }
      }
    }
  }
}
