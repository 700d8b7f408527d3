package dev.onceform.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * {@code prefill.unknown-source}, {@code prefill.unknown-attribute}, {@code prefill.type-mismatch}
 * and {@code prefill.unknown-subject}: every {@code x-prefill} names a source and attribute of the
 * catalog whose type, format and code list fit the field, and a subject field the form has.
 */
final class PrefillCheck implements FormCheck {
  static final String UNKNOWN_SOURCE = "prefill.unknown-source";
  static final String UNKNOWN_ATTRIBUTE = "prefill.unknown-attribute";
  static final String TYPE_MISMATCH = "prefill.type-mismatch";
  static final String UNKNOWN_SUBJECT = "prefill.unknown-subject";

  private final SourceCatalog sources;

  PrefillCheck(SourceCatalog sources) {
    this.sources = sources;
  }

  @Override
  public void check(LintedFile form) {
    for (SchemaTree.Node node : form.tree().nodes()) {
      JsonNode binding = node.schema().path("x-prefill");
      if (binding.isObject()) {
        String at = node.pointer() + "/x-prefill";
        String field = node.field().orElse(node.pointer());
        checkSubject(form, binding.path("subject"), at + "/subject");
        checkSource(form, node.schema(), binding, at, field);
      }
    }
  }

  private void checkSource(
      LintedFile form, JsonNode schema, JsonNode binding, String at, String field) {
    JsonNode sourceId = binding.path("source");
    JsonNode attributeName = binding.path("attribute");
    if (!sourceId.isTextual()) {
      return;
    }
    Optional<RegistrySource> source = sources.source(sourceId.asText());
    if (source.isEmpty()) {
      List<String> known = sources.sources().stream().map(RegistrySource::id).toList();
      form.errorAtValue(
          UNKNOWN_SOURCE,
          at + "/source",
          "x-prefill of "
              + field
              + " names source '"
              + sourceId.asText()
              + "', which the source"
              + " catalog does not declare",
          Suggestions.hint("source", sourceId.asText(), known)
              + "; an agency's own database must be declared in its source catalog");
      return;
    }
    if (!attributeName.isTextual()) {
      return;
    }
    Optional<SourceAttribute> attribute = source.get().attribute(attributeName.asText());
    if (attribute.isEmpty()) {
      form.errorAtValue(
          UNKNOWN_ATTRIBUTE,
          at + "/attribute",
          "x-prefill of "
              + field
              + " names attribute '"
              + attributeName.asText()
              + "', which source '"
              + sourceId.asText()
              + "' does not have",
          Suggestions.hint(
              "attribute", attributeName.asText(), source.get().attributes().keySet()));
      return;
    }
    mismatch(schema, attribute.get())
        .ifPresent(
            problem ->
                form.errorAtValue(
                    TYPE_MISMATCH,
                    at + "/attribute",
                    "field "
                        + field
                        + " "
                        + problem
                        + " but "
                        + sourceId.asText()
                        + "."
                        + attributeName.asText()
                        + " gives "
                        + describe(attribute.get()),
                    "bind an attribute that fits the field, or change the field to match it"));
  }

  /** What about the field does not fit the attribute, if anything. */
  private static Optional<String> mismatch(JsonNode schema, SourceAttribute attribute) {
    if ("object".equals(schema.path("type").asText()) || schema.has("properties")) {
      return Optional.of("is an object (bind each of its leaf fields instead),");
    }
    JsonNode type = schema.get("type");
    if (type != null && !accepts(type, attribute.type())) {
      return Optional.of("is of type " + type);
    }
    String format = schema.path("format").asText("");
    if (!format.isEmpty()
        && attribute.format().isPresent()
        && !attribute.format().get().equals(format)) {
      return Optional.of("has format '" + format + "'");
    }
    String codeList = schema.path("x-codelist").asText("");
    if (!codeList.isEmpty()
        && attribute.codeList().isPresent()
        && !attribute.codeList().get().equals(codeList)) {
      return Optional.of("takes codes of '" + codeList + "'");
    }
    return Optional.empty();
  }

  private static boolean accepts(JsonNode fieldType, String valueType) {
    for (JsonNode t : fieldType.isArray() ? fieldType : List.of(fieldType)) {
      String name = t.asText();
      if (name.equals(valueType) || (name.equals("number") && valueType.equals("integer"))) {
        return true;
      }
    }
    return false;
  }

  private static String describe(SourceAttribute attribute) {
    StringBuilder text = new StringBuilder(attribute.type()).append(" values");
    attribute.format().ifPresent(f -> text.append(" of format '").append(f).append('\''));
    attribute.codeList().ifPresent(c -> text.append(" from code list '").append(c).append('\''));
    return text.toString();
  }

  private static void checkSubject(LintedFile form, JsonNode subject, String at) {
    if (!subject.isTextual() || subject.asText().equals(PrefillBinding.APPLICANT)) {
      return;
    }
    String pointer = subject.asText();
    if (!pointer.startsWith("/")) {
      form.errorAtValue(
          UNKNOWN_SUBJECT,
          at,
          "x-prefill subject '" + pointer + "' is neither 'applicant' nor a JSON Pointer",
          "write \"applicant\" or the pointer of the field with the person's ID, e.g."
              + " \"/mother/personalId\"");
    } else if (!form.tree().fields().contains(pointer)) {
      form.errorAtValue(
          UNKNOWN_SUBJECT,
          at,
          "x-prefill subject '" + pointer + "' names no field of the form",
          Suggestions.hint("field", pointer, form.tree().fields()));
    }
  }
}
