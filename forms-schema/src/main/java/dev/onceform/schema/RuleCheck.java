package dev.onceform.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.schema.internal.JsonLogic;
import java.util.List;
import java.util.Set;

/**
 * {@code rule.invalid} and {@code rule.unknown-field}: every {@code x-visible-if} and {@code
 * x-compute} is well-formed JSON Logic with known operators, and every field it reads ({@code var},
 * {@code missing}) exists. Paths are dotted and relative to the submission root: {@code
 * mother.personalId} is {@code /mother/personalId}; a path may name an object section.
 */
final class RuleCheck implements FormCheck {
  static final String INVALID = "rule.invalid";
  static final String UNKNOWN_FIELD = "rule.unknown-field";

  private static final List<String> KEYWORDS = List.of("x-visible-if", "x-compute");

  @Override
  public void check(LintedFile form) {
    List<String> paths =
        form.tree().fields().stream()
            .filter(f -> !f.isEmpty() && !f.contains("*"))
            .map(RuleCheck::dotted)
            .toList();
    for (SchemaTree.Node node : form.tree().nodes()) {
      for (String keyword : KEYWORDS) {
        JsonNode expression = node.schema().get(keyword);
        if (expression != null) {
          check(form, keyword, expression, node.pointer() + "/" + keyword, paths);
        }
      }
    }
  }

  static void check(
      LintedFile form, String keyword, JsonNode expression, String at, List<String> paths) {
    if (expression.isTextual()) {
      form.errorAtValue(
          INVALID,
          at,
          keyword + " is a string; a rule is JSON Logic, not a text expression",
          "write it as JSON Logic, e.g. {\"==\": [{\"var\": \"applicant.relationship\"},"
              + " \"mother\"]}");
      return;
    }
    JsonLogic.Analysis analysis = JsonLogic.analyse(expression);
    for (JsonLogic.Problem problem : analysis.problems()) {
      form.error(
          INVALID,
          at + problem.pointer(),
          keyword + ": " + problem.message(),
          "use the JSON Logic operators: " + String.join(" ", JsonLogic.operators()));
    }
    Set<String> fields = form.tree().fields();
    for (JsonLogic.Variable variable : analysis.variables()) {
      if (variable.path().isEmpty() || fields.contains(pointer(variable.path(), fields))) {
        continue;
      }
      form.errorAtValue(
          UNKNOWN_FIELD,
          at + variable.pointer(),
          keyword
              + " reads '"
              + variable.path()
              + "', but the form has no field "
              + pointer(variable.path(), fields),
          Suggestions.hint("field", variable.path(), paths)
              + " (paths are dotted and start at the submission root)");
    }
  }

  /** {@code mother.personalId} to {@code /mother/personalId}; array indexes to {@code /*}. */
  private static String pointer(String path, Set<String> fields) {
    StringBuilder pointer = new StringBuilder();
    for (String segment : path.split("\\.", -1)) {
      boolean index = !segment.isEmpty() && segment.chars().allMatch(Character::isDigit);
      if (index && fields.contains(pointer + "/*")) {
        pointer.append("/*");
      } else {
        pointer.append(Pointers.member(segment));
      }
    }
    return pointer.toString();
  }

  static String dotted(String pointer) {
    return pointer.substring(1).replace('/', '.').replace("~1", "/").replace("~0", "~");
  }
}
