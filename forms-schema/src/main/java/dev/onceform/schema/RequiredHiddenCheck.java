package dev.onceform.schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code required.hidden}: a property its object lists in {@code required} must not have an {@code
 * x-visible-if} unless it has a {@code default}: while the rule hides it the citizen cannot fill
 * it, so the submission can never be complete. The same holds for a required object section with a
 * rule (its required fields are then reported through the section).
 */
final class RequiredHiddenCheck implements FormCheck {
  static final String CODE = "required.hidden";

  @Override
  public void check(LintedFile form) {
    for (SchemaTree.Node node : form.tree().nodes()) {
      JsonNode properties = node.schema().path("properties");
      for (JsonNode name : node.schema().path("required")) {
        JsonNode property = properties.path(name.asText());
        if (property.has("x-visible-if") && !property.has("default")) {
          String at =
              node.pointer() + "/properties" + Pointers.member(name.asText()) + "/x-visible-if";
          String field = node.field().map(f -> f + Pointers.member(name.asText())).orElse(at);
          form.error(
              CODE,
              at,
              "required field "
                  + field
                  + " is hidden by x-visible-if and has no default, so a"
                  + " submission is incomplete whenever the rule hides it",
              "drop it from \"required\" and require it only when visible (\"if\"/\"then\"), or"
                  + " give it a \"default\"");
        }
      }
    }
  }
}
