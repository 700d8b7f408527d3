package dev.onceform.schema;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.schema.internal.JsonLogic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the rules of a form document that validation evaluates: {@code x-visible-if} of every
 * property reached from the root through {@code properties} (fields and object sections alike),
 * {@code x-rules} of the root and of those objects, and {@code x-form.hiddenFields}. Rules inside
 * array items, {@code $defs} or applicators ({@code allOf}, {@code then}, ...) are not read; the
 * linter reports them ({@code rule.unsupported-place}).
 */
final class RuleReader {
  static final String X_RULES = "x-rules";

  /**
   * The rules of one form.
   *
   * @param visibility {@code x-visible-if} by submission pointer, in document order
   * @param crossField the {@code x-rules} entries, in document order
   * @param hiddenFields {@code x-form.hiddenFields}
   */
  record FormRules(
      Map<String, Rule> visibility, List<CrossFieldRule> crossField, HiddenFields hiddenFields) {}

  private final String source;
  private final Map<String, Rule> visibility = new LinkedHashMap<>();
  private final List<CrossFieldRule> crossField = new ArrayList<>();

  private RuleReader(String source) {
    this.source = source;
  }

  static FormRules read(JsonNode root, String source) {
    RuleReader reader = new RuleReader(source);
    reader.readObject(root, "", "");
    return new FormRules(
        Collections.unmodifiableMap(reader.visibility),
        List.copyOf(reader.crossField),
        hiddenFields(root.path("x-form").path("hiddenFields"), source));
  }

  private void readObject(JsonNode schema, String pointer, String schemaPointer) {
    readCrossFieldRules(schema, pointer, schemaPointer);
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      String member = JsonPointer.empty().appendProperty(property.getKey()).toString();
      String child = pointer + member;
      JsonNode value = property.getValue();
      if (value.has("x-visible-if")) {
        visibility.put(child, rule("x-visible-if", value.get("x-visible-if")));
      }
      if (value.isObject()) {
        readObject(value, child, schemaPointer + "/properties" + member);
      }
    }
  }

  private void readCrossFieldRules(JsonNode schema, String scope, String schemaPointer) {
    JsonNode rules = schema.get(X_RULES);
    if (rules == null) {
      return;
    }
    String at = schemaPointer + "/" + X_RULES;
    if (!rules.isArray()) {
      throw fail(at, "x-rules must be an array of {id, rule, pointer, message}");
    }
    for (int i = 0; i < rules.size(); i++) {
      JsonNode entry = rules.get(i);
      String id = entry.path("id").asText("");
      String pointer = entry.path("pointer").asText("");
      JsonNode vi = entry.path("message").path("vi");
      if (id.isEmpty()
          || !entry.has("rule")
          || !entry.path("pointer").isTextual()
          || !vi.isTextual()) {
        throw fail(
            at + "/" + i,
            "each x-rules entry needs \"id\", \"rule\", \"pointer\" (a JSON Pointer such as"
                + " \"/father/personalId\") and \"message\": {\"vi\": ...}");
      }
      JsonNode en = entry.path("message").path("en");
      LocalizedText message =
          en.isTextual() && !en.asText().isBlank()
              ? LocalizedText.of(vi.asText(), en.asText())
              : LocalizedText.of(vi.asText());
      crossField.add(
          new CrossFieldRule(id, pointer, rule(X_RULES, entry.get("rule")), message, scope));
    }
  }

  private FormReader.Failure fail(String pointer, String message) {
    return new FormReader.Failure(FormReader.BAD_FORM, source, pointer, message);
  }

  static Rule rule(String keyword, JsonNode expression) {
    Set<String> references = new LinkedHashSet<>();
    for (JsonLogic.Variable variable : JsonLogic.analyse(expression).variables()) {
      if (!variable.path().isEmpty()) {
        StringBuilder pointer = new StringBuilder();
        for (String name : variable.path().split("\\.", -1)) {
          pointer.append(Pointers.member(name));
        }
        references.add(pointer.toString());
      }
    }
    return new Rule(keyword, expression, references);
  }

  private static HiddenFields hiddenFields(JsonNode value, String source) {
    if (value.isMissingNode() || "reject".equals(value.asText())) {
      return HiddenFields.REJECT;
    }
    if ("drop".equals(value.asText())) {
      return HiddenFields.DROP;
    }
    throw new FormReader.Failure(
        FormReader.BAD_FORM_HEADER,
        source,
        "/x-form/hiddenFields",
        "hiddenFields must be \"reject\" (the default) or \"drop\"");
  }
}
