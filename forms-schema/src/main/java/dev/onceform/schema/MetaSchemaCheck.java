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

  /**
   * One violation of the meta-schema.
   *
   * @param pointer where in the form document
   * @param keyword the meta-schema keyword that failed, e.g. {@code required}
   * @param message what is wrong
   */
  record Violation(String pointer, String keyword, String message) {}

  private final Function<JsonNode, List<Violation>> validator;

  MetaSchemaCheck(Function<JsonNode, List<Violation>> validator) {
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
    for (Violation violation : validator.apply(form.root())) {
      if (reported.contains(violation.pointer())) {
        continue;
      }
      form.error(
          CODE,
          violation.pointer(),
          violation.message(),
          "fix the shape of '"
              + violation.keyword()
              + "' here; docs/form-language.md shows every x-* keyword with an example");
    }
  }
}
