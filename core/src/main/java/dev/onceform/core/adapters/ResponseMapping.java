package dev.onceform.core.adapters;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.core.spi.RegistryAnswer;
import dev.onceform.schema.internal.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a {@code 200} JSON body into a found answer: each asked attribute from its JSON Pointer, a
 * pointer missing from the body (or {@code null} there) leaves the attribute absent.
 */
final class ResponseMapping {
  private final Map<String, JsonPointer> attributes;
  private final Optional<JsonPointer> recordReference;
  private final String fallbackReference;

  ResponseMapping(
      Map<String, JsonPointer> attributes,
      Optional<JsonPointer> recordReference,
      String fallbackReference) {
    this.attributes = Map.copyOf(attributes);
    this.recordReference = recordReference;
    this.fallbackReference = fallbackReference;
  }

  Set<String> attributes() {
    return attributes.keySet();
  }

  /**
   * Maps a body. The detail of a {@code BAD_DATA} answer names the problem and its position, never
   * the content.
   */
  RegistryAnswer map(byte[] body, Set<String> asked, String context) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      return RegistryAnswer.failed(
          RegistryAnswer.Status.BAD_DATA,
          context
              + ": response is not well-formed JSON (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")");
    } catch (IOException e) {
      return RegistryAnswer.failed(
          RegistryAnswer.Status.BAD_DATA, context + ": response could not be read as JSON");
    }
    if (root == null || !root.isObject()) {
      return RegistryAnswer.failed(
          RegistryAnswer.Status.BAD_DATA,
          context + ": response is not a JSON object but " + kind(root));
    }
    Map<String, JsonNode> values = new LinkedHashMap<>();
    for (String name : asked) {
      JsonPointer pointer = attributes.get(name);
      if (pointer == null) {
        continue;
      }
      JsonNode value = root.at(pointer);
      if (!value.isMissingNode() && !value.isNull()) {
        values.put(name, value);
      }
    }
    String reference =
        recordReference
            .map(root::at)
            .filter(JsonNode::isValueNode)
            .filter(node -> !node.isNull())
            .map(JsonNode::asText)
            .orElse(fallbackReference);
    return RegistryAnswer.found(reference, values);
  }

  private static String kind(JsonNode node) {
    return node == null ? "empty" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
