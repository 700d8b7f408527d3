package dev.onceform.schema;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.onceform.schema.internal.Json;
import dev.onceform.schema.internal.NodePaths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One compiled meta-schema of {@link MetaSchemas}, and the translation of json-schema-validator's
 * errors into {@link SchemaViolation}s with messages that say what to do. Immutable and
 * thread-safe.
 */
final class MetaSchemaChecker {
  private final Schema schema;
  private final Map<String, JsonNode> documents;

  private MetaSchemaChecker(Schema schema, Map<String, JsonNode> documents) {
    this.schema = schema;
    this.documents = documents;
  }

  /**
   * Compiles the schema {@code id}; {@code texts} holds every OnceForm schema by id. The JSON
   * Schema 2020-12 meta-schema comes from json-schema-validator's jar; nothing is fetched.
   */
  static MetaSchemaChecker compile(String id, Map<String, String> texts) {
    Map<String, JsonNode> documents = new HashMap<>();
    texts.forEach((key, text) -> documents.put(key, Json.read(text, key)));
    try {
      SchemaRegistry registry =
          SchemaRegistry.withDefaultDialect(
              SpecificationVersion.DRAFT_2020_12,
              builder ->
                  builder
                      .schemas(texts)
                      .schemaLoader(loader -> loader.fetchRemoteResources(false)));
      Schema schema = registry.getSchema(SchemaLocation.of(id));
      schema.initializeValidators();
      return new MetaSchemaChecker(schema, Map.copyOf(documents));
    } catch (RuntimeException e) {
      throw new OnceFormException(
          MetaSchemas.MISSING_SCHEMA,
          "schema " + id + " does not compile: " + e.getMessage() + "; the jar is damaged",
          e);
    }
  }

  List<SchemaViolation> check(JsonNode document) {
    List<Error> errors =
        schema.validate(
            document,
            context ->
                context.executionConfig(
                    config -> config.formatAssertionsEnabled(true).locale(Locale.ENGLISH)));
    Set<SchemaViolation> violations = new LinkedHashSet<>();
    for (Error error : errors) {
      violations.add(violation(error));
    }
    return List.copyOf(violations);
  }

  private SchemaViolation violation(Error error) {
    String pointer = NodePaths.pointer(error.getInstanceLocation());
    String keyword = String.valueOf(error.getKeyword());
    JsonNode document = document(error.getSchemaLocation());
    JsonNode rule = rule(document, error.getSchemaLocation());
    if (rule.path("not").booleanValue() && rule.has("description")) {
      return unknownKeyword(pointer);
    }
    String property = property(error);
    String value = value(error);
    return switch (keyword) {
      case "required" ->
          new SchemaViolation(
              pointer,
              keyword,
              "'"
                  + property
                  + "' is required here"
                  + hint(document, rule.path("properties").path(property)));
      case "additionalProperties" ->
          new SchemaViolation(
              append(pointer, property),
              keyword,
              "'" + property + "' is not allowed here; allowed: " + names(rule));
      case "propertyNames" ->
          new SchemaViolation(
              append(pointer, property),
              keyword,
              "'" + property + "' is not a valid name here" + hint(document, rule.path(keyword)));
      case "enum" -> new SchemaViolation(pointer, keyword, "must be one of " + schemaValue(error));
      case "const" -> new SchemaViolation(pointer, keyword, "must be " + schemaValue(error));
      case "type" -> new SchemaViolation(pointer, keyword, "must be of type " + schemaValue(error));
      case "format" ->
          new SchemaViolation(
              pointer,
              keyword,
              value + " is not a valid " + schemaValue(error) + hint(document, rule));
      case "pattern" -> {
        String hint = hint(document, rule);
        yield new SchemaViolation(
            pointer,
            keyword,
            value
                + " is not valid"
                + (hint.isEmpty() ? ": it must match " + schemaValue(error) : hint));
      }
      case "minProperties", "maxProperties" ->
          new SchemaViolation(
              pointer,
              keyword,
              rule.has("if") && rule.has("description")
                  ? rule.path("description").asText()
                  : error.getMessage());
      default -> new SchemaViolation(pointer, keyword, error.getMessage());
    };
  }

  private static SchemaViolation unknownKeyword(String pointer) {
    String name = JsonPointer.compile(pointer).last().getMatchingProperty();
    String message =
        "x-form".equals(name)
            ? "x-form belongs at the root of the form only; move it there"
            : "'"
                + name
                + "' is not a OnceForm keyword (check the spelling); OnceForm's keywords are"
                + " x-form (root), x-label, x-help, x-prefill, x-codelist, x-visible-if,"
                + " x-compute, x-order, x-section, x-widget";
    return new SchemaViolation(pointer, "unknownKeyword", message);
  }

  /** The member an error is about: json-schema-validator gives it as property or argument. */
  private static String property(Error error) {
    String property = error.getProperty();
    if (property != null) {
      return property;
    }
    Object[] arguments = error.getArguments();
    return arguments != null && arguments.length > 0 ? String.valueOf(arguments[0]) : "";
  }

  private static String append(String pointer, String property) {
    return JsonPointer.compile(pointer).appendProperty(property).toString();
  }

  private static String value(Error error) {
    JsonNode value = error.getInstanceNode();
    return value == null ? "the value" : value.toString();
  }

  /** The keyword's value in the meta-schema: a string without quotes, anything else as JSON. */
  private static String schemaValue(Error error) {
    JsonNode node = error.getSchemaNode();
    return node == null ? "" : node.isTextual() ? node.asText() : node.toString();
  }

  /**
   * The description of a schema (following one local {@code $ref}), as a hint to append to a
   * message, or nothing.
   */
  private static String hint(JsonNode document, JsonNode schema) {
    JsonNode description = schema.get("description");
    if (description == null && schema.path("$ref").asText().startsWith("#/")) {
      description = document.at(schema.path("$ref").asText().substring(1)).get("description");
    }
    if (description == null || !description.isTextual()) {
      return "";
    }
    String text = description.asText();
    return ": " + (text.endsWith(".") ? text.substring(0, text.length() - 1) : text);
  }

  private static String names(JsonNode rule) {
    List<String> names = new ArrayList<>();
    rule.path("properties").fieldNames().forEachRemaining(names::add);
    return names.isEmpty() ? "no other members" : String.join(", ", names);
  }

  /** The OnceForm schema document a location is in, or a missing node if it is not ours. */
  private JsonNode document(SchemaLocation location) {
    JsonNode document = documents.get(location.getAbsoluteIri().toString());
    return document == null ? MissingNode.getInstance() : document;
  }

  /**
   * The schema object holding the keyword that failed, or a missing node (for the JSON Schema
   * 2020-12 meta-schema, which is not ours). For a keyword under {@code then}, the schema holding
   * the {@code if}.
   */
  private static JsonNode rule(JsonNode document, SchemaLocation location) {
    NodePath fragment = location.getFragment();
    if (document.isMissingNode() || fragment.getNameCount() == 0) {
      return MissingNode.getInstance();
    }
    NodePath parent = fragment.getParent();
    if (parent.getNameCount() > 0 && "then".equals(parent.getName(parent.getNameCount() - 1))) {
      parent = parent.getParent();
    }
    return document.at(NodePaths.pointer(parent));
  }
}
