package dev.onceform.core.result;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.core.result.ResultTemplateLinter.Findings;
import dev.onceform.schema.FieldDefinition;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.internal.JsonLogic;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of a schema-valid template against its form: the form's id, submission pointers, JSON
 * Logic, table rows and columns, formats, officer inputs, unused fields.
 */
final class FormBindingCheck {
  static final String FORM_MISMATCH = "result.form-mismatch";
  static final String UNKNOWN_POINTER = "result.unknown-pointer";
  static final String RULE_INVALID = "result.rule-invalid";
  static final String RULE_UNKNOWN_FIELD = "result.rule-unknown-field";
  static final String FORMAT_MISMATCH = "result.format-mismatch";
  static final String OFFICER_DUPLICATE = "result.officer-duplicate";
  static final String UNUSED_FIELD = "result.unused-field";

  private FormBindingCheck() {}

  static void check(JsonNode template, FormDefinition form, Findings findings) {
    String named = template.path("form").asText();
    if (!named.equals(form.id())) {
      findings.error(
          FORM_MISMATCH,
          "/form",
          "the template is for form '" + named + "', but was checked against '" + form.id() + "'",
          "lint the template with the form it names, or fix \"form\"");
    }
    Map<String, String> officerInputs = new HashMap<>();
    JsonNode fields = template.path("fields");
    for (int i = 0; i < fields.size(); i++) {
      JsonNode field = fields.get(i);
      String at = "/fields/" + i;
      JsonNode source = field.path("source");
      if (source.has("submission")) {
        String pointer = source.path("submission").asText();
        Optional<FieldDefinition> target = form.field(pointer);
        if (target.isEmpty()) {
          unknownPointer(findings, at + "/source/submission", pointer, form);
        } else {
          format(findings, at, field, target.get());
        }
      } else if (source.has("computed")) {
        logic(findings, at + "/source/computed", source.path("computed"), form);
      } else {
        String name = source.path("officer").asText();
        String first = officerInputs.putIfAbsent(name, at);
        if (first != null) {
          findings.error(
              OFFICER_DUPLICATE,
              at + "/source/officer",
              "officer input '" + name + "' is already the source of " + first,
              "ask the officer once: give each officer input one field and one label");
        }
      }
    }
    JsonNode layout = template.path("layout");
    for (int i = 0; i < layout.size(); i++) {
      JsonNode table = layout.get(i).get("table");
      if (table != null) {
        table(findings, "/layout/" + i + "/table", table, form);
      }
    }
    unused(template, findings);
  }

  private static void unknownPointer(
      Findings findings, String at, String pointer, FormDefinition form) {
    String last = pointer.substring(pointer.lastIndexOf('/'));
    List<String> similar =
        form.fields().stream()
            .map(FieldDefinition::pointer)
            .filter(p -> p.substring(p.lastIndexOf('/')).equalsIgnoreCase(last))
            .limit(5)
            .toList();
    findings.error(
        UNKNOWN_POINTER,
        at,
        "form " + form.id() + "@" + form.version() + " has no field " + pointer,
        similar.isEmpty()
            ? "use the JSON Pointer of a leaf field of the form, e.g. "
                + form.fields().get(0).pointer()
            : "did you mean " + String.join(" or ", similar) + "?");
  }

  private static void format(Findings findings, String at, JsonNode field, FieldDefinition target) {
    JsonNode name = field.get("format");
    if (name == null) {
      return;
    }
    ValueFormat format = ValueFormat.ofJsonName(name.asText());
    String problem =
        switch (format) {
          case CODE -> target.codeList().isEmpty() ? "has no x-codelist" : "";
          case DATE -> target.type().equals("string") ? "" : "is not a string";
          case NUMBER ->
              target.type().equals("integer") || target.type().equals("number")
                  ? ""
                  : "is not a number";
          case YES_NO -> target.type().equals("boolean") ? "" : "is not a boolean";
          case TEXT -> "";
        };
    if (!problem.isEmpty()) {
      findings.error(
          FORMAT_MISMATCH,
          at + "/format",
          "format '"
              + format.jsonName()
              + "' does not fit "
              + target.pointer()
              + ", which "
              + problem,
          "use a format that fits the field (text always does)");
    }
  }

  private static void logic(
      Findings findings, String at, JsonNode expression, FormDefinition form) {
    JsonLogic.Analysis analysis = JsonLogic.analyse(expression);
    for (JsonLogic.Problem problem : analysis.problems()) {
      findings.error(
          RULE_INVALID,
          at + problem.pointer(),
          "computed value: " + problem.message(),
          "use the JSON Logic operators: " + String.join(" ", JsonLogic.operators()));
    }
    for (JsonLogic.Variable variable : analysis.variables()) {
      String path = variable.path();
      if (path.isEmpty() || readable(path, form)) {
        continue;
      }
      findings.error(
          RULE_UNKNOWN_FIELD,
          at + variable.pointer(),
          "computed value reads '" + path + "', but form " + form.id() + " has no such field",
          "paths are dotted and start at the submission root, e.g. "
              + form.fields().get(0).pointer().substring(1).replace('/', '.'));
    }
  }

  /** A dotted path names a field, a section, or something inside an array field. */
  private static boolean readable(String path, FormDefinition form) {
    StringBuilder pointer = new StringBuilder();
    for (String segment : path.split("\\.", -1)) {
      pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
      Optional<FieldDefinition> field = form.field(pointer.toString());
      if (field.isPresent()) {
        return true;
      }
    }
    String prefix = pointer + "/";
    return form.fields().stream().anyMatch(f -> f.pointer().startsWith(prefix));
  }

  private static void table(Findings findings, String at, JsonNode table, FormDefinition form) {
    String rows = table.path("rows").asText();
    Optional<FieldDefinition> array = form.field(rows);
    if (array.isEmpty() || !array.get().type().equals("array")) {
      findings.error(
          UNKNOWN_POINTER,
          at + "/rows",
          "form " + form.id() + "@" + form.version() + " has no array field " + rows,
          "point rows at an array of objects in the submission, e.g. /members");
      return;
    }
    JsonNode items = SchemaPaths.items(form.schema(), rows);
    JsonNode columns = table.path("columns");
    for (int c = 0; c < columns.size(); c++) {
      String pointer = columns.get(c).path("pointer").asText();
      if (SchemaPaths.property(form.schema(), items, pointer).isMissingNode()) {
        findings.error(
            UNKNOWN_POINTER,
            at + "/columns/" + c + "/pointer",
            "the elements of " + rows + " have no member " + pointer,
            "use a pointer relative to one element, e.g. /fullName");
      }
    }
  }

  private static void unused(JsonNode template, Findings findings) {
    Set<String> used = new HashSet<>();
    used.add(template.path("subject").asText());
    used.add(template.path("number").asText());
    for (JsonNode block : template.path("layout")) {
      block.path("section").path("fields").forEach(id -> used.add(id.asText()));
      used.add(block.path("signature").path("signerName").asText());
    }
    JsonNode fields = template.path("fields");
    for (int i = 0; i < fields.size(); i++) {
      String id = fields.get(i).path("id").asText();
      if (!used.contains(id)) {
        findings.warning(
            UNUSED_FIELD,
            "/fields/" + i + "/id",
            "field '"
                + id
                + "' is in the result's data but no section, subject, number or"
                + " signature shows it",
            "add it to a section, or leave it as data only");
      }
    }
  }
}
