package dev.onceform.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code x-rules} keyword and where rules may stand.
 *
 * <ul>
 *   <li>{@code rule.duplicate-id}: two {@code x-rules} entries of a form have the same id (the
 *       problem code {@code rule.<id>} must name one rule).
 *   <li>{@code rule.unknown-pointer}: an entry's {@code pointer} names no field or section.
 *   <li>{@code rule.invalid}, {@code rule.unknown-field}: its {@code rule} as for {@code
 *       x-visible-if} ({@link RuleCheck}).
 *   <li>{@code rule.unsupported-place}: {@code x-visible-if}, {@code x-compute} or {@code x-rules}
 *       where validation does not evaluate it: anywhere but the root and properties reached from it
 *       through {@code properties} (so not in array items, {@code $defs}, {@code allOf}, {@code
 *       then}, ...).
 * </ul>
 */
final class CrossFieldRuleCheck implements FormCheck {
  static final String DUPLICATE_ID = "rule.duplicate-id";
  static final String UNKNOWN_POINTER = "rule.unknown-pointer";
  static final String UNSUPPORTED_PLACE = "rule.unsupported-place";

  private static final List<String> KEYWORDS = List.of("x-visible-if", "x-compute", "x-rules");
  private static final Pattern PROPERTIES_CHAIN = Pattern.compile("(/properties/[^/]+)*");

  @Override
  public void check(LintedFile form) {
    List<String> paths =
        form.tree().fields().stream()
            .filter(f -> !f.isEmpty() && !f.contains("*"))
            .map(RuleCheck::dotted)
            .toList();
    Set<String> ids = new HashSet<>();
    for (SchemaTree.Node node : form.tree().nodes()) {
      for (String keyword : KEYWORDS) {
        if (node.schema().has(keyword) && !PROPERTIES_CHAIN.matcher(node.pointer()).matches()) {
          form.error(
              UNSUPPORTED_PLACE,
              node.pointer() + "/" + keyword,
              keyword
                  + " is only evaluated on the root and on properties reached from it through"
                  + " \"properties\"; here (in array items, $defs, allOf, if/then/else, ...)"
                  + " validation would ignore it",
              "move it to the property itself, or write the condition with JSON Schema"
                  + " if/then");
        }
      }
      JsonNode rules = node.schema().path("x-rules");
      for (int i = 0; i < rules.size() && rules.isArray(); i++) {
        checkEntry(form, rules.get(i), node.pointer() + "/x-rules/" + i, ids, paths);
      }
    }
  }

  private static void checkEntry(
      LintedFile form, JsonNode entry, String at, Set<String> ids, List<String> paths) {
    JsonNode id = entry.path("id");
    if (id.isTextual() && !ids.add(id.asText())) {
      form.errorAtValue(
          DUPLICATE_ID,
          at + "/id",
          "x-rules id '"
              + id.asText()
              + "' is used twice; the problem code rule."
              + id.asText()
              + " must name one rule",
          "give each rule its own id");
    }
    JsonNode pointer = entry.path("pointer");
    if (pointer.isTextual() && !form.tree().fields().contains(pointer.asText())) {
      form.errorAtValue(
          UNKNOWN_POINTER,
          at + "/pointer",
          "x-rules reports at '" + pointer.asText() + "', but the form has no such field",
          "use the JSON Pointer of a field or section outside arrays, e.g. /father/personalId");
    }
    JsonNode rule = entry.get("rule");
    if (rule != null) {
      RuleCheck.check(form, "x-rules", rule, at + "/rule", paths);
    }
  }
}
