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
  /** In-place applicators: their subschemas describe the same value as the schema holding them. */
  private static final Set<String> IN_PLACE = Set.of("then", "else");

  /** In-place applicators that only test a value: they never declare a field. */
  private static final Set<String> CONDITIONS = Set.of("if", "not");

  private static final Set<String> IN_PLACE_LISTS = Set.of("allOf", "anyOf", "oneOf");
  private static final Set<String> OTHER_VALUES =
      Set.of("additionalProperties", "unevaluatedProperties", "propertyNames", "contains");
  private static final Set<String> ITEMS = Set.of("items", "additionalItems", "unevaluatedItems");
  private static final Set<String> DEFINITIONS = Set.of("$defs", "definitions");
  private static final int MAX_REF_DEPTH = 8;

  /**
   * One subschema.
   *
   * @param pointer its JSON Pointer in the document
   * @param field the JSON Pointer of the submission value it describes ({@code /mother/fullName};
   *     array items as {@code /*}), if it is reached from the root through properties, items and
   *     in-place applicators ({@code allOf}, {@code then}, ...); empty under {@code $defs} and the
   *     like
   * @param schema the subschema (an object; boolean schemas are left out)
   * @param declaration whether it declares a form field: the value of a {@code properties} member
   *     that is not just a refinement, inside {@code if}, {@code then}, {@code allOf}, ..., of a
   *     property its object already declares (such as {@code "if": {"properties": {"married":
   *     {"const": true}}}})
   */
  record Node(String pointer, Optional<String> field, JsonNode schema, boolean declaration) {}

  private final JsonNode root;
  private final List<Node> nodes = new ArrayList<>();
  private final Set<String> fields = new LinkedHashSet<>();

  private SchemaTree(JsonNode root) {
    this.root = root;
  }

  /** Walks a form document. */
  static SchemaTree of(JsonNode root) {
    SchemaTree tree = new SchemaTree(root);
    tree.visit(root, "", Optional.of(""), false, Role.OWN, root);
    return tree;
  }

  /** Returns every object subschema, in document order. */
  List<Node> nodes() {
    return nodes;
  }

  /**
   * Returns the submission pointers of every field (leaf or object) the form declares, array items
   * written {@code /*}, the root {@code ""} included; fields of a schema reached through a local
   * {@code $ref} included.
   */
  Set<String> fields() {
    return fields;
  }

  /** How a subschema relates to the value it describes. */
  private enum Role {
    /** Reached through properties, items, $defs or the root: its properties declare fields. */
    OWN,
    /** Inside then, else, allOf, ...: its properties declare fields its owner does not. */
    APPLIED,
    /** Inside if or not: a test, declaring nothing. */
    CONDITION
  }

  /**
   * @param role how the subschema relates to the value it describes
   * @param owner for {@link Role#APPLIED}, the schema holding the applicator: a property it
   *     declares is refined, not declared, by a property of the same name in the applicator
   */
  private void visit(
      JsonNode schema,
      String pointer,
      Optional<String> field,
      boolean declaration,
      Role role,
      JsonNode owner) {
    if (!schema.isObject()) {
      return;
    }
    nodes.add(new Node(pointer, field, schema, declaration));
    field.ifPresent(
        f -> {
          fields.add(f);
          followRef(schema, f, 0);
        });
    Role inner = role == Role.CONDITION ? Role.CONDITION : Role.OWN;
    Role applied = role == Role.CONDITION ? Role.CONDITION : Role.APPLIED;
    JsonNode appliedOwner = role == Role.OWN ? schema : owner;
    for (Map.Entry<String, JsonNode> entry : schema.properties()) {
      String key = entry.getKey();
      JsonNode value = entry.getValue();
      String at = pointer + Pointers.member(key);
      if (key.equals("properties")) {
        for (Map.Entry<String, JsonNode> p : value.properties()) {
          String name = Pointers.member(p.getKey());
          boolean declares =
              role == Role.OWN
                  || (role == Role.APPLIED && !owner.path("properties").has(p.getKey()));
          JsonNode child = p.getValue();
          visit(child, at + name, field.map(f -> f + name), declares, inner, child);
        }
      } else if (CONDITIONS.contains(key)) {
        visit(value, at, Optional.empty(), false, Role.CONDITION, value);
      } else if (IN_PLACE.contains(key)) {
        visit(value, at, field, false, applied, appliedOwner);
      } else if (IN_PLACE_LISTS.contains(key)) {
        for (int i = 0; i < value.size(); i++) {
          visit(value.get(i), at + "/" + i, field, false, applied, appliedOwner);
        }
      } else if (key.equals("dependentSchemas")) {
        for (Map.Entry<String, JsonNode> p : value.properties()) {
          visit(
              p.getValue(), at + Pointers.member(p.getKey()), field, false, applied, appliedOwner);
        }
      } else if (ITEMS.contains(key)) {
        visit(value, at, field.map(f -> f + "/*"), false, inner, value);
      } else if (key.equals("prefixItems")) {
        for (int i = 0; i < value.size(); i++) {
          String index = "/" + i;
          visit(value.get(i), at + index, field.map(f -> f + index), false, inner, value.get(i));
        }
      } else if (DEFINITIONS.contains(key) || key.equals("patternProperties")) {
        for (Map.Entry<String, JsonNode> p : value.properties()) {
          String name = Pointers.member(p.getKey());
          visit(p.getValue(), at + name, Optional.empty(), false, inner, p.getValue());
        }
      } else if (OTHER_VALUES.contains(key)) {
        visit(value, at, Optional.empty(), false, inner, value);
      }
    }
  }

  /** Adds the fields a local {@code $ref} brings in, such as {@code #/$defs/address}. */
  private void followRef(JsonNode schema, String field, int depth) {
    String ref = schema.path("$ref").asText("");
    if (!ref.startsWith("#/") || depth >= MAX_REF_DEPTH) {
      return;
    }
    try {
      addFields(root.at(ref.substring(1)), field, depth + 1);
    } catch (IllegalArgumentException e) {
      // Not a JSON Pointer: RefCheck reports it.
    }
  }

  private void addFields(JsonNode schema, String field, int depth) {
    for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
      String child = field + Pointers.member(p.getKey());
      fields.add(child);
      addFields(p.getValue(), child, depth);
    }
    followRef(schema, field, depth);
  }
}
