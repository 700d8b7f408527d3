package dev.onceform.schema;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.schema.internal.JsonLogic;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the parts of a {@link FormDefinition} out of a form document. */
final class FormReader {
  static final String BAD_FORM = "OF-FORM-101";
  static final String BAD_FORM_HEADER = "OF-FORM-102";
  static final String BAD_LABEL = "OF-FORM-103";
  static final String BAD_PREFILL = "OF-FORM-104";
  static final String BAD_DIALECT = "OF-FORM-105";

  private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
  private static final Pattern FORM_ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  private static final Pattern SEMVER =
      Pattern.compile(
          "(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})(-[0-9A-Za-z.-]+)?");

  private final String source;
  private final List<FieldDefinition> fields = new ArrayList<>();
  private final List<Section> sections = new ArrayList<>();

  private FormReader(String source) {
    this.source = source;
  }

  static FormDefinition read(JsonNode root, String source) {
    return new FormReader(source).readForm(root);
  }

  private FormDefinition readForm(JsonNode root) {
    if (!root.isObject()) {
      throw fail(BAD_FORM, "", "a form must be a JSON object (a JSON Schema document)");
    }
    String dialect = root.path("$schema").asText(DRAFT_2020_12);
    if (!dialect.equals(DRAFT_2020_12)) {
      throw fail(
          BAD_DIALECT,
          "/$schema",
          "forms are JSON Schema 2020-12; set \"$schema\": \"" + DRAFT_2020_12 + "\"");
    }
    JsonNode header = root.path("x-form");
    if (!header.isObject()) {
      throw fail(
          BAD_FORM_HEADER, "/x-form", "the form has no \"x-form\" object; add id and version");
    }
    String id = text(header, "id", "/x-form/id");
    if (!FORM_ID.matcher(id).matches()) {
      throw fail(
          BAD_FORM_HEADER,
          "/x-form/id",
          "form id '" + id + "' must be lower-case words joined by '-', e.g. birth-registration");
    }
    String version = text(header, "version", "/x-form/version");
    if (!SEMVER.matcher(version).matches()) {
      throw fail(
          BAD_FORM_HEADER,
          "/x-form/version",
          "version '" + version + "' must be a semantic version such as 1.2.0");
    }
    String procedureCode = header.path("procedureCode").asText("");
    LocalizedText title = label(header.path("title"), "/x-form/title");
    readProperties(root, "", 0, requiredNames(root));
    return new FormDefinition(
        id, version, procedureCode, title, sections, fields, root.deepCopy(), source);
  }

  private void readProperties(JsonNode object, String pointer, int depth, Set<String> required) {
    for (Map.Entry<String, JsonNode> property : object.path("properties").properties()) {
      String childPointer = pointer + JsonPointer.empty().appendProperty(property.getKey());
      JsonNode schema = property.getValue();
      if (isObject(schema)) {
        int before = fields.size();
        readProperties(schema, childPointer, depth + 1, requiredNames(schema));
        if (depth == 0) {
          LocalizedText label = label(schema.path("x-label"), childPointer + "/x-label");
          sections.add(new Section(childPointer, label, fields.subList(before, fields.size())));
        }
      } else {
        fields.add(field(childPointer, schema, required.contains(property.getKey())));
      }
    }
  }

  private FieldDefinition field(String pointer, JsonNode schema, boolean required) {
    return new FieldDefinition(
        pointer,
        schema.path("type").asText("string"),
        label(schema.path("x-label"), pointer + "/x-label"),
        schema.has("x-help")
            ? Optional.of(label(schema.path("x-help"), pointer + "/x-help"))
            : Optional.empty(),
        required,
        optionalText(schema, "format"),
        optionalText(schema, "x-codelist"),
        prefill(schema.path("x-prefill"), pointer),
        rule(schema, "x-visible-if"),
        rule(schema, "x-compute"),
        layout(schema));
  }

  private static Optional<Rule> rule(JsonNode schema, String keyword) {
    JsonNode expression = schema.get(keyword);
    if (expression == null) {
      return Optional.empty();
    }
    Set<String> references = new LinkedHashSet<>();
    for (JsonLogic.Variable variable : JsonLogic.analyse(expression).variables()) {
      if (!variable.path().isEmpty()) {
        references.add(pointer(variable.path()));
      }
    }
    return Optional.of(new Rule(keyword, expression, references));
  }

  /** Turns a dotted JSON Logic data path, {@code mother.personalId}, into a JSON Pointer. */
  private static String pointer(String dottedPath) {
    StringBuilder pointer = new StringBuilder();
    for (String name : dottedPath.split("\\.", -1)) {
      pointer.append(Pointers.member(name));
    }
    return pointer.toString();
  }

  private static Layout layout(JsonNode schema) {
    JsonNode order = schema.get("x-order");
    return new Layout(
        order != null && order.canConvertToInt()
            ? OptionalInt.of(order.intValue())
            : OptionalInt.empty(),
        optionalText(schema, "x-section"),
        optionalText(schema, "x-widget"));
  }

  private Optional<PrefillBinding> prefill(JsonNode node, String pointer) {
    if (node.isMissingNode()) {
      return Optional.empty();
    }
    String at = pointer + "/x-prefill";
    if (!node.isObject()) {
      throw fail(BAD_PREFILL, at, "x-prefill must be an object with source and attribute");
    }
    try {
      return Optional.of(
          new PrefillBinding(
              text(node, "source", at + "/source"),
              text(node, "attribute", at + "/attribute"),
              node.path("subject").asText(PrefillBinding.APPLICANT),
              node.path("lock").asBoolean(false)));
    } catch (IllegalArgumentException e) {
      throw fail(BAD_PREFILL, at + "/subject", String.valueOf(e.getMessage()));
    }
  }

  private LocalizedText label(JsonNode node, String pointer) {
    String vi = node.path("vi").asText("");
    if (vi.isBlank()) {
      throw fail(
          BAD_LABEL,
          pointer,
          "a Vietnamese label is required: add {\"vi\": \"...\", \"en\": \"...\"}");
    }
    String en = node.path("en").asText("");
    return en.isBlank() ? LocalizedText.of(vi) : LocalizedText.of(vi, en);
  }

  private String text(JsonNode object, String name, String pointer) {
    JsonNode value = object.path(name);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw fail(BAD_FORM, pointer, "\"" + name + "\" is required and must be a non-empty string");
    }
    return value.asText();
  }

  private Failure fail(String code, String pointer, String message) {
    return new Failure(code, source, pointer, message);
  }

  /** A document that is not a form, with where (for the linter) and what is wrong. */
  static final class Failure extends OnceFormException {
    private static final long serialVersionUID = 1L;

    private final String pointer;
    private final String detail;

    Failure(String code, String source, String pointer, String detail) {
      super(code, source + "#" + pointer + ": " + detail);
      this.pointer = pointer;
      this.detail = detail;
    }

    /** Returns the JSON Pointer of the offending part. */
    String pointer() {
      return pointer;
    }

    /** Returns what is wrong, without code and source. */
    String detail() {
      return detail;
    }
  }

  private static Optional<String> optionalText(JsonNode schema, String name) {
    JsonNode value = schema.path(name);
    return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }

  private static boolean isObject(JsonNode schema) {
    return "object".equals(schema.path("type").asText()) || schema.has("properties");
  }

  private static Set<String> requiredNames(JsonNode schema) {
    Set<String> names = new HashSet<>();
    schema.path("required").forEach(name -> names.add(name.asText()));
    return names;
  }
}
