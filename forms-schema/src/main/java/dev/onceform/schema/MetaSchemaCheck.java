package dev.onceform.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code meta-schema}: the document is valid against the form meta-schema ({@code
 * https://onceform.dev/schema/form/1.0}), which checks the shape of every {@code x-*} keyword.
 */
final class MetaSchemaCheck implements FormCheck {
  static final String CODE = "meta-schema";

  private final Function<JsonNode, List<SchemaViolation>> validator;

  MetaSchemaCheck(Function<JsonNode, List<SchemaViolation>> validator) {
    this.validator = validator;
  }

  /**
   * Reports each violation, except where a more specific check already reported the same pointer
   * (it runs last).
   */
  @Override
  public void check(LintedFile form) {
    Set<String> reported =
        form.findings().stream().map(LintFinding::pointer).collect(Collectors.toSet());
    for (SchemaViolation violation : validator.apply(form.root())) {
      if (reported.contains(violation.pointer())) {
        continue;
      }
      form.error(
          CODE,
          violation.pointer(),
          violation.message(),
          "the form meta-schema ("
              + MetaSchemas.FORM
              + ") rejects this with '"
              + violation.keyword()
              + "'; docs/form-language.md shows every keyword with an example");
    }
  }
}
