package dev.onceform.core.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** Walks a form's JSON Schema by submission pointers, following local {@code $ref}s. */
final class SchemaPaths {
  private static final int MAX_REFS = 16;

  private SchemaPaths() {}

  /** The schema of the elements of the array at a submission pointer, or a missing node. */
  static JsonNode items(JsonNode root, String pointer) {
    JsonNode array = property(root, root, pointer);
    return array.isMissingNode() ? array : resolve(root, array.path("items"));
  }

  /** The schema of the value at a pointer relative to a schema, or a missing node. */
  static JsonNode property(JsonNode root, JsonNode schema, String pointer) {
    JsonNode node = resolve(root, schema);
    for (String segment : pointer.substring(1).split("/", -1)) {
      String name = segment.replace("~1", "/").replace("~0", "~");
      node = resolve(root, node.path("properties").path(name));
      if (node.isMissingNode()) {
        return node;
      }
    }
    return node;
  }

  private static JsonNode resolve(JsonNode root, JsonNode schema) {
    JsonNode node = schema;
    for (int i = 0; i < MAX_REFS && node.path("$ref").asText().startsWith("#/"); i++) {
      node = root.at(node.path("$ref").asText().substring(1));
    }
    return node.isMissingNode() ? MissingNode.getInstance() : node;
  }
}
