package dev.onceform.core.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.onceform.schema.SchemaViolation;
import dev.onceform.schema.internal.NodePaths;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** One compiled schema of {@link ResultSchemas}. Immutable and thread-safe. */
final class SchemaChecker {
  private final Schema schema;

  private SchemaChecker(Schema schema) {
    this.schema = schema;
  }

  /** Compiles a schema; the JSON Schema 2020-12 meta-schema comes from the validator's jar. */
  static SchemaChecker compile(String id, String text) {
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder ->
                builder
                    .schemas(Map.of(id, text))
                    .schemaLoader(loader -> loader.fetchRemoteResources(false)));
    Schema schema = registry.getSchema(SchemaLocation.of(id));
    schema.initializeValidators();
    return new SchemaChecker(schema);
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
      String pointer = NodePaths.pointer(error.getInstanceLocation());
      String keyword = String.valueOf(error.getKeyword());
      String message = error.getMessage();
      JsonNode rule = error.getSchemaNode();
      if (("pattern".equals(keyword) || "enum".equals(keyword)) && rule != null) {
        message = message + " (expected " + rule + ")";
      }
      violations.add(new SchemaViolation(pointer, keyword, message));
    }
    return List.copyOf(violations);
  }
}
