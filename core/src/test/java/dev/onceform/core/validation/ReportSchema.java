package dev.onceform.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The published schema of {@link ValidationReport#toJson()}, compiled with json-schema-validator.
 */
public final class ReportSchema {
  private static final Schema SCHEMA = compile();

  private ReportSchema() {}

  private static Schema compile() {
    try {
      JsonNode schema = new ObjectMapper().readTree(ValidationReport.jsonSchema());
      Schema compiled =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
              .getSchema(SchemaLocation.of(ValidationReport.JSON_SCHEMA_ID), schema);
      compiled.initializeValidators();
      return compiled;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema errors of a report's JSON, as {@code "location: message"}; empty if it conforms. */
  public static List<String> errors(JsonNode report) {
    return SCHEMA
        .validate(report, context -> context.executionConfig(c -> c.formatAssertionsEnabled(true)))
        .stream()
        .map(e -> e.getInstanceLocation() + ": " + e.getMessage())
        .toList();
  }
}
